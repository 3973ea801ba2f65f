package dev.streamtune.inference.service;

import dev.streamtune.contracts.Modality;

/**
 * One validated input of a predict request.
 *
 * @param modality what it is
 * @param value a non-blank {@code String} for text, the decoded {@code byte[]} for an image
 * @param field where it was in the request body (e.g. {@code text}, {@code inputs[2].image}), for error messages
 */
public record PredictInput(Modality modality, Object value, String field) {}
