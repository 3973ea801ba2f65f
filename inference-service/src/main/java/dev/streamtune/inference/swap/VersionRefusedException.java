package dev.streamtune.inference.swap;

/** A version that must not be served, with the reason and a human explanation. */
public final class VersionRefusedException extends RuntimeException {

    private final RefusalReason reason;

    public VersionRefusedException(RefusalReason reason, String message) {
        this(reason, message, null);
    }

    public VersionRefusedException(RefusalReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Why the version is refused. */
    public RefusalReason reason() {
        return reason;
    }
}
