package dev.streamtune.ingest.messaging;

import java.time.Duration;

/**
 * A point in time by which a request must be done with Kafka, so that several blocking steps share one bound.
 *
 * @param atNanos the {@link System#nanoTime()} value of the deadline
 */
public record Deadline(long atNanos) {

    /** The deadline {@code timeout} from now. */
    public static Deadline in(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    /** Milliseconds left, never negative. */
    public long remainingMillis() {
        return Math.max(0, Duration.ofNanos(atNanos - System.nanoTime()).toMillis());
    }
}
