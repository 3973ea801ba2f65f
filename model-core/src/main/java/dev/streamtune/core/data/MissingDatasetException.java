package dev.streamtune.core.data;

/** A dataset file is not installed; the message says which file and how to install it. */
public final class MissingDatasetException extends RuntimeException {

    public MissingDatasetException(String message) {
        super(message);
    }
}
