package dev.streamtune.inference.messaging;

/**
 * Value of a {@code model-pins} record (key = model name): serve {@code version} instead of the newest. A
 * tombstone removes the pin.
 *
 * @param version the pinned version number
 */
public record Pin(long version) {}
