package dev.streamtune.core.backbone;

/**
 * A backbone reference that names something real but cannot be opened: a missing file, an unreachable URL, a
 * model that does not load, a checksum that does not match. The message names the reference and the cause.
 */
public final class BackboneLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BackboneLoadException(String message) {
        super(message);
    }

    public BackboneLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
