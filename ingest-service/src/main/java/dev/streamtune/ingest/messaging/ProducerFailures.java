package dev.streamtune.ingest.messaging;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;

/** Tells failures a producer recovers from by itself from those that leave it unusable. */
public final class ProducerFailures {

    private ProducerFailures() {}

    /** The Kafka exception behind a future's failure. */
    public static Throwable unwrap(Throwable e) {
        return e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    }

    /**
     * Whether a producer that threw {@code e} must be closed and replaced: every non-retriable failure except
     * those about one record (too large, not serializable). Timeouts and broker outages are retriable.
     */
    public static boolean isFatal(Throwable e) {
        Throwable cause = unwrap(e);
        return !(cause instanceof RetriableException
                || cause instanceof RecordTooLargeException
                || cause instanceof RecordBatchTooLargeException
                || cause instanceof SerializationException
                || cause instanceof InterruptedException
                || cause instanceof java.util.concurrent.TimeoutException);
    }
}
