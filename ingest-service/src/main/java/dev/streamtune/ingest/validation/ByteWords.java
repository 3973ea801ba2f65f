package dev.streamtune.ingest.validation;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Tests 8 bytes of a byte array at once (SWAR: SIMD within a register), for the scans of the NDJSON hot path:
 * {@link #word} reads them as one long; a test is non-zero in the high bit of some byte exactly when that byte
 * matches, once masked with {@link #HIGH_BITS}.
 */
public final class ByteWords {

    /** The high bit of every byte. */
    public static final long HIGH_BITS = 0x8080808080808080L;

    private static final long ONES = 0x0101010101010101L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private ByteWords() {}

    /** The 8 bytes of {@code bytes} from {@code at} as one long. */
    public static long word(byte[] bytes, int at) {
        return (long) LONGS.get(bytes, at);
    }

    /** Marks the bytes of {@code w} equal to {@code b}. */
    public static long equalTo(long w, int b) {
        long v = w ^ (ONES * (b & 0xff));
        return (v - ONES) & ~v;
    }

    /** Marks the bytes of {@code w} below {@code b} (for {@code b} up to 0x80). */
    public static long below(long w, int b) {
        return (w - ONES * b) & ~w;
    }
}
