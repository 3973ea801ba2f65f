package dev.streamtune.ingest.messaging;

/** Kafka did not take or acknowledge records in time; the request is answered 503 with {@code Retry-After}. */
public class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
