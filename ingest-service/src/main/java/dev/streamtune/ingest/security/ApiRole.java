package dev.streamtune.ingest.security;

/** What an API key may do. The admin key can do everything a producer key can. */
public enum ApiRole {
    /** Send samples and read model specs. */
    PRODUCER,
    /** Also register and update model specs. */
    ADMIN;

    /** Whether a key of this role may call an endpoint that requires {@code required}. */
    public boolean covers(ApiRole required) {
        return this == ADMIN || required == PRODUCER;
    }
}
