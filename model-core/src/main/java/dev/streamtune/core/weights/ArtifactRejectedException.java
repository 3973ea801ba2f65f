package dev.streamtune.core.weights;

/** A weights artifact that must not be used; {@link #reason()} says why in a stable, machine-readable way. */
public final class ArtifactRejectedException extends RuntimeException {

    /** Why an artifact was rejected. */
    public enum Reason {
        /** Larger than the reader's configured limit. */
        OVERSIZE,
        /** Ends before the header or the tensor data it declares. */
        TRUNCATED,
        /** Its SHA-256 differs from the expected one: the bytes were altered. */
        CORRUPTED,
        /** The header is not a valid safetensors header (JSON, fields, offsets with holes or overlaps). */
        MALFORMED_HEADER,
        /** A tensor's dtype is not a safetensors dtype. */
        UNKNOWN_DTYPE,
        /** A tensor's dtype is a safetensors dtype other than F32, which heads do not use. */
        UNSUPPORTED_DTYPE,
        /** A tensor's byte range does not match its shape and dtype. */
        WRONG_SHAPE,
        /** The tensors are not those of the head layout the metadata describes (names, shapes, class count). */
        LAYOUT_MISMATCH,
        /** The {@code __metadata__} entries are missing, unparsable or inconsistent. */
        BAD_METADATA,
        /** A tensor holds NaN or infinite values. */
        NON_FINITE,
        /** A signature is required and none was given. */
        UNSIGNED,
        /** The HMAC-SHA256 signature does not match the bytes and key. */
        BAD_SIGNATURE,
        /** Trained on another backbone than the one it is to be served with. */
        INCOMPATIBLE_BACKBONE,
        /**
         * The stored encoder tensors are not those the metadata declares (a declared one missing, or another
         * shape or dtype).
         */
        ENCODER_MISMATCH,
        /** The declared encoder tensors are not those of the strategy on the serving base encoder. */
        INCOMPATIBLE_ENCODER
    }

    private final Reason reason;

    public ArtifactRejectedException(Reason reason, String message) {
        this(reason, message, null);
    }

    public ArtifactRejectedException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    /** Why the artifact was rejected. */
    public Reason reason() {
        return reason;
    }
}
