package dev.streamtune.core.snapshot;

import dev.streamtune.core.snapshot.SnapshotFormatException.Reason;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads a snapshot written by {@link SnapshotWriter}: {@link #open} verifies magic, version, length and checksum
 * before any field is read; every read is bounds-checked and fails with {@link SnapshotFormatException} rather
 * than an index or allocation error.
 */
public final class SnapshotReader {

    private final ByteBuffer payload;
    private final int version;
    private final String what;

    private SnapshotReader(ByteBuffer payload, int version, String what) {
        this.payload = payload;
        this.version = version;
        this.what = what;
    }

    /**
     * Opens {@code bytes} as a snapshot of kind {@code magic} with a version from 1 to {@code newestVersion}.
     *
     * @param what human name of the snapshot kind for error messages, e.g. "replay buffer"
     * @throws SnapshotFormatException when the envelope is not intact
     */
    public static SnapshotReader open(byte[] bytes, String magic, int newestVersion, String what) {
        if (bytes == null || bytes.length < SnapshotWriter.HEADER_BYTES + SnapshotWriter.TRAILER_BYTES) {
            throw new SnapshotFormatException(Reason.TOO_SHORT, what + " snapshot has "
                    + (bytes == null ? "no" : bytes.length) + " bytes, fewer than its 20-byte envelope");
        }
        String found = new String(bytes, 0, 4, StandardCharsets.ISO_8859_1);
        if (!found.equals(magic)) {
            throw new SnapshotFormatException(Reason.BAD_MAGIC, "expected a " + what + " snapshot (magic '" + magic
                    + "') but the bytes start with '" + printable(found) + "'");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int version = b.getInt(4);
        long length = b.getLong(8);
        if (version < 1 || version > newestVersion) {
            throw new SnapshotFormatException(Reason.UNSUPPORTED_VERSION, what + " snapshot has format version "
                    + version + "; this code reads versions 1 to " + newestVersion);
        }
        long expected = SnapshotWriter.HEADER_BYTES + length + SnapshotWriter.TRAILER_BYTES;
        if (length < 0 || expected != bytes.length) {
            throw new SnapshotFormatException(Reason.LENGTH_MISMATCH, what + " snapshot declares " + length
                    + " payload bytes (" + expected + " in all) but has " + bytes.length + " (truncated or padded)");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - SnapshotWriter.TRAILER_BYTES);
        if ((int) crc.getValue() != b.getInt(bytes.length - SnapshotWriter.TRAILER_BYTES)) {
            throw new SnapshotFormatException(Reason.CHECKSUM_MISMATCH, what + " snapshot fails its CRC-32C check:"
                    + " the bytes were altered");
        }
        ByteBuffer payload = ByteBuffer.wrap(bytes, SnapshotWriter.HEADER_BYTES, (int) length).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        return new SnapshotReader(payload, version, what);
    }

    /** The format version the snapshot was written with. */
    public int version() {
        return version;
    }

    public int getInt() {
        try {
            return payload.getInt();
        } catch (BufferUnderflowException e) {
            throw endsEarly();
        }
    }

    public long getLong() {
        try {
            return payload.getLong();
        } catch (BufferUnderflowException e) {
            throw endsEarly();
        }
    }

    public float getFloat() {
        try {
            return payload.getFloat();
        } catch (BufferUnderflowException e) {
            throw endsEarly();
        }
    }

    public double getDouble() {
        try {
            return payload.getDouble();
        } catch (BufferUnderflowException e) {
            throw endsEarly();
        }
    }

    public boolean getBoolean() {
        require(1);
        byte v = payload.get();
        if (v != 0 && v != 1) {
            throw malformed("boolean byte " + v);
        }
        return v == 1;
    }

    /** A count written with {@code putInt}, checked to lie in {@code [0, max]}. */
    public int getCount(String name, int max) {
        int n = getInt();
        if (n < 0 || n > max) {
            throw malformed(name + " = " + n + " is outside [0, " + max + "]");
        }
        return n;
    }

    /** A string written with {@code putString} ({@code null} stays {@code null}). */
    public String getString() {
        int n = getInt();
        if (n == -1) {
            return null;
        }
        return new String(rawBytes(n), StandardCharsets.UTF_8);
    }

    public List<String> getStrings() {
        int n = getCount("string count", payload.remaining() / 4);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(getString());
        }
        return out;
    }

    public byte[] getBytes() {
        return rawBytes(getInt());
    }

    /** {@code length} floats written with {@code putFloats}. */
    public float[] getFloats(int length) {
        require(4L * length);
        float[] out = new float[length];
        getFloats(out, 0, length);
        return out;
    }

    /** Reads {@code length} floats into {@code dst[offset..]}. */
    public void getFloats(float[] dst, int offset, int length) {
        require(4L * length);
        payload.asFloatBuffer().get(dst, offset, length);
        payload.position(payload.position() + 4 * length);
    }

    public int[] getInts() {
        int n = getCount("int count", payload.remaining() / 4);
        int[] out = new int[n];
        payload.asIntBuffer().get(out);
        payload.position(payload.position() + 4 * n);
        return out;
    }

    public long[] getLongs() {
        int n = getCount("long count", payload.remaining() / 8);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = payload.getLong();
        }
        return out;
    }

    /** Fails unless every payload byte was read. */
    public void expectEnd() {
        if (payload.hasRemaining()) {
            throw malformed(payload.remaining() + " unread bytes after the last field");
        }
    }

    /** An error for content that is well-enveloped but invalid. */
    public SnapshotFormatException malformed(String detail) {
        return new SnapshotFormatException(Reason.MALFORMED, what + " snapshot: " + detail);
    }

    private byte[] rawBytes(int n) {
        if (n < 0) {
            throw malformed("negative length " + n);
        }
        require(n);
        byte[] out = new byte[n];
        payload.get(out);
        return out;
    }

    private void require(long bytes) {
        if (bytes < 0 || bytes > payload.remaining()) {
            throw endsEarly();
        }
    }

    private SnapshotFormatException endsEarly() {
        return malformed("content ends early at payload byte " + payload.position());
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
