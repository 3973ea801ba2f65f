package dev.streamtune.core.snapshot;

/** A snapshot that cannot be restored; {@link #reason()} says why in a stable, machine-readable way. */
public final class SnapshotFormatException extends RuntimeException {

    /** Why a snapshot was rejected. */
    public enum Reason {
        /** Shorter than the fixed envelope. */
        TOO_SHORT,
        /** The magic bytes name another kind of snapshot, or no snapshot at all. */
        BAD_MAGIC,
        /** Written by a newer format version than this code reads. */
        UNSUPPORTED_VERSION,
        /** The declared payload length does not match the bytes present (truncated or padded). */
        LENGTH_MISMATCH,
        /** The CRC-32C over the envelope does not match: the bytes were altered. */
        CHECKSUM_MISMATCH,
        /** The envelope is intact but its content is not a valid snapshot of this kind. */
        MALFORMED
    }

    private final Reason reason;

    public SnapshotFormatException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    /** Why the snapshot was rejected. */
    public Reason reason() {
        return reason;
    }
}
