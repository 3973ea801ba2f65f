package dev.streamtune.core.snapshot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Builds a versioned binary snapshot: little-endian primitives appended to a growing buffer, then
 * {@link #seal sealed} into the envelope {@code magic(4) | version(int32) | payload length(int64) | payload |
 * CRC-32C(int32) of everything before it}. {@link SnapshotReader} checks every part of that envelope.
 */
public final class SnapshotWriter {

    /** Bytes of the envelope before the payload. */
    static final int HEADER_BYTES = 16;
    /** Bytes of the envelope after the payload. */
    static final int TRAILER_BYTES = 4;

    private ByteBuffer buffer = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);

    public SnapshotWriter putInt(int value) {
        ensure(4).putInt(value);
        return this;
    }

    public SnapshotWriter putLong(long value) {
        ensure(8).putLong(value);
        return this;
    }

    public SnapshotWriter putFloat(float value) {
        ensure(4).putFloat(value);
        return this;
    }

    public SnapshotWriter putDouble(double value) {
        ensure(8).putDouble(value);
        return this;
    }

    public SnapshotWriter putBoolean(boolean value) {
        ensure(1).put((byte) (value ? 1 : 0));
        return this;
    }

    /** A UTF-8 string with its byte length; {@code null} is written as length -1. */
    public SnapshotWriter putString(String value) {
        if (value == null) {
            return putInt(-1);
        }
        return putBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A list of strings with its size. */
    public SnapshotWriter putStrings(List<String> values) {
        putInt(values.size());
        values.forEach(this::putString);
        return this;
    }

    /** Bytes with their length. */
    public SnapshotWriter putBytes(byte[] value) {
        putInt(value.length);
        ensure(value.length).put(value);
        return this;
    }

    /** {@code length} floats from {@code values[offset]}, without a length prefix (the reader knows it). */
    public SnapshotWriter putFloats(float[] values, int offset, int length) {
        ByteBuffer b = ensure(4L * length);
        b.asFloatBuffer().put(values, offset, length);
        b.position(b.position() + 4 * length);
        return this;
    }

    /** Ints with their count. */
    public SnapshotWriter putInts(int[] values) {
        putInt(values.length);
        ByteBuffer b = ensure(4L * values.length);
        b.asIntBuffer().put(values);
        b.position(b.position() + 4 * values.length);
        return this;
    }

    /** Longs with their count. */
    public SnapshotWriter putLongs(long[] values) {
        putInt(values.length);
        for (long v : values) {
            putLong(v);
        }
        return this;
    }

    /** The finished snapshot: envelope with {@code magic} (4 ASCII characters), {@code version} and checksum. */
    public byte[] seal(String magic, int version) {
        byte[] magicBytes = magic.getBytes(StandardCharsets.US_ASCII);
        if (magicBytes.length != 4) {
            throw new IllegalArgumentException("magic must be 4 ASCII characters: " + magic);
        }
        int payload = buffer.position();
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + payload + TRAILER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.put(magicBytes).putInt(version).putLong(payload);
        out.put(buffer.array(), 0, payload);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        return out.array();
    }

    private ByteBuffer ensure(long bytes) {
        long needed = buffer.position() + bytes;
        if (needed > Integer.MAX_VALUE - HEADER_BYTES - TRAILER_BYTES) {
            throw new IllegalStateException("snapshot would exceed 2 GiB");
        }
        if (needed > buffer.capacity()) {
            int capacity = (int) Math.min(Integer.MAX_VALUE - 64L, Math.max(needed, 2L * buffer.capacity()));
            ByteBuffer bigger = ByteBuffer.wrap(Arrays.copyOf(buffer.array(), capacity)).order(ByteOrder.LITTLE_ENDIAN);
            bigger.position(buffer.position());
            buffer = bigger;
        }
        return buffer;
    }
}
