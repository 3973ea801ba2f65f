package dev.streamtune.core.image;

/** A model could not be located or loaded; the message names the URL and the reason. */
public final class ModelLoadingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error with a message only. */
    public ModelLoadingException(String message) {
        super(message);
    }

    /** An error caused by {@code cause}. */
    public ModelLoadingException(String message, Throwable cause) {
        super(message, cause);
    }
}
