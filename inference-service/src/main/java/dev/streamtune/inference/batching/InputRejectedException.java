package dev.streamtune.inference.batching;

/** The backbone cannot take one input (for example image bytes that are not a decodable image). */
public final class InputRejectedException extends RuntimeException {

    public InputRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
