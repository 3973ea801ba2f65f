package dev.streamtune.inference.batching;

/** The batcher's queue is full: the service is receiving more inputs than its backbone can embed. */
public final class OverloadedException extends RuntimeException {

    public OverloadedException(String message) {
        super(message);
    }
}
