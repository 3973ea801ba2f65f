package dev.streamtune.ingest.service;

import java.util.List;

/**
 * The answer to an accepted sample request: every sample is on Kafka.
 *
 * @param accepted number of samples written
 * @param ids their ids, in request order (the client's, or the UUIDs chosen for them)
 */
public record AcceptedSamples(int accepted, List<String> ids) {}
