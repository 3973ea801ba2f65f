package dev.streamtune.inference.config;

/** How admin endpoints are protected. */
public enum SecurityMode {
    /** Header {@code X-API-Key} must carry the admin key. */
    KEYS,
    /** No check (local development only). */
    OPEN
}
