package dev.streamtune.ingest.rest;

import dev.streamtune.contracts.ModelSpec;
import java.util.List;

/**
 * Answer of {@code GET /v1/models}.
 *
 * @param models every registered spec, by name
 */
public record ModelList(List<ModelSpec> models) {}
