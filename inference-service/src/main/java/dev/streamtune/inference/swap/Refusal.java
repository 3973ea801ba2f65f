package dev.streamtune.inference.swap;

/**
 * A version this replica refused to serve.
 *
 * @param version the version number
 * @param reason why
 * @param detail the explanation that was logged
 * @param at epoch millis of the refusal
 */
public record Refusal(long version, RefusalReason reason, String detail, long at) {}
