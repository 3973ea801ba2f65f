package dev.streamtune.inference.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The pin state of a model after a pin or unpin.
 *
 * @param model model name
 * @param pinnedVersion the pinned version, {@code null} when following the latest
 * @param servingVersion the version this replica serves right now (the swap to a new pin follows shortly)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PinView(String model, Long pinnedVersion, Long servingVersion) {}
