package dev.streamtune.core.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.core.snapshot.SnapshotFormatException.Reason;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotEnvelopeTest {

    private static byte[] sample() {
        return new SnapshotWriter().putInt(7).putLong(-3L).putFloat(1.5f).putDouble(Math.PI).putBoolean(true)
                .putString("héllo").putString(null).putStrings(List.of("a", "b")).putBytes(new byte[] {1, 2, 3})
                .putFloats(new float[] {9f, 1f, 2f, 3f}, 1, 3).putInts(new int[] {4, 5}).putLongs(new long[] {6L})
                .seal("TEST", 1);
    }

    @Test
    void roundTripsEveryFieldType() {
        SnapshotReader in = SnapshotReader.open(sample(), "TEST", 1, "test");
        assertEquals(1, in.version());
        assertEquals(7, in.getInt());
        assertEquals(-3L, in.getLong());
        assertEquals(1.5f, in.getFloat());
        assertEquals(Math.PI, in.getDouble());
        assertTrue(in.getBoolean());
        assertEquals("héllo", in.getString());
        assertNull(in.getString());
        assertEquals(List.of("a", "b"), in.getStrings());
        assertArrayEquals(new byte[] {1, 2, 3}, in.getBytes());
        assertArrayEquals(new float[] {1f, 2f, 3f}, in.getFloats(3));
        assertArrayEquals(new int[] {4, 5}, in.getInts());
        assertArrayEquals(new long[] {6L}, in.getLongs());
        in.expectEnd();
    }

    @Test
    void rejectsTruncatedSnapshot() {
        byte[] bytes = sample();
        assertReason(Reason.LENGTH_MISMATCH, Arrays.copyOf(bytes, bytes.length - 1));
        assertReason(Reason.TOO_SHORT, Arrays.copyOf(bytes, 10));
    }

    @Test
    void rejectsAlteredByte() {
        byte[] bytes = sample();
        bytes[20] ^= 0x10;
        assertReason(Reason.CHECKSUM_MISMATCH, bytes);
    }

    @Test
    void rejectsAnotherKindOfSnapshot() {
        byte[] other = new SnapshotWriter().putInt(1).seal("OTHR", 1);
        SnapshotFormatException e = assertReason(Reason.BAD_MAGIC, other);
        assertTrue(e.getMessage().contains("'OTHR'"), e.getMessage());
    }

    @Test
    void rejectsNewerFormatVersion() {
        byte[] newer = new SnapshotWriter().putInt(1).seal("TEST", 2);
        assertReason(Reason.UNSUPPORTED_VERSION, newer);
    }

    @Test
    void reportsMalformedContentInsteadOfIndexErrors() {
        SnapshotReader in = SnapshotReader.open(new SnapshotWriter().putInt(5).seal("TEST", 1), "TEST", 1, "test");
        in.getInt();
        SnapshotFormatException e = assertThrows(SnapshotFormatException.class, in::getLong);
        assertEquals(Reason.MALFORMED, e.reason());
        SnapshotReader huge = SnapshotReader.open(new SnapshotWriter().putInt(Integer.MAX_VALUE).seal("TEST", 1), "TEST", 1, "t");
        assertEquals(Reason.MALFORMED, assertThrows(SnapshotFormatException.class, huge::getBytes).reason());
    }

    @Test
    void rejectsUnreadTrailingContent() {
        SnapshotReader in = SnapshotReader.open(new SnapshotWriter().putInt(1).putInt(2).seal("TEST", 1), "TEST", 1, "t");
        in.getInt();
        assertEquals(Reason.MALFORMED, assertThrows(SnapshotFormatException.class, in::expectEnd).reason());
    }

    private static SnapshotFormatException assertReason(Reason reason, byte[] bytes) {
        SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> SnapshotReader.open(bytes, "TEST", 1, "test"));
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }
}
