package dev.streamtune.ingest.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The role an endpoint needs. Endpoints without it need a producer key (every {@code /v1} endpoint needs some
 * key unless the service runs in {@code open} mode).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresKey {
    /** The least role allowed. */
    ApiRole value();
}
