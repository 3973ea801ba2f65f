package dev.streamtune.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void splitsOnLineFeedAndCarriageReturnLineFeedAndKeepsALastLineWithoutNewline() throws IOException {
        assertEquals(List.of("a", "bb", "", "ccc"), lines("a\nbb\r\n\nccc", 100));
        assertEquals(List.of("x"), lines("x\n", 100));
        assertEquals(List.of(), lines("", 100));
    }

    @Test
    void skipsAnOverlongLineAndCarriesOnWithTheNext() throws IOException {
        LineReader reader = new LineReader(stream("short\n" + "z".repeat(5000) + "\nafter\n"), 1000);
        assertTrue(reader.next());
        assertFalse(reader.overflowed());
        assertTrue(reader.next());
        assertTrue(reader.overflowed());
        assertTrue(reader.next());
        assertEquals("after", new String(reader.bytes(), reader.offset(), reader.length(), StandardCharsets.UTF_8));
        assertFalse(reader.next());
    }

    @Test
    void holdsOneLineAtATimeWhateverTheBodySize() throws IOException {
        // 64 MiB of 100-byte lines, generated on the fly: the reader never holds more than its first line buffer
        long lines = 64L * 1024 * 1024 / 100;
        LineReader reader = new LineReader(new RepeatedLine("y".repeat(99) + "\n", lines), 7 * 1024 * 1024);
        long count = 0;
        while (reader.next()) {
            count++;
        }
        assertEquals(lines, count);
        assertEquals(8 * 1024, reader.largestLineBuffer());
    }

    @Test
    void bodyWithoutLineBreaksStaysWithinTheLineLimit() throws IOException {
        int limit = 1024 * 1024;
        LineReader reader = new LineReader(new RepeatedLine("q", 32L * 1024 * 1024), limit);
        assertTrue(reader.next());
        assertTrue(reader.overflowed());
        assertTrue(reader.largestLineBuffer() <= limit, "held " + reader.largestLineBuffer());
        assertFalse(reader.next());
    }

    @Test
    void givesTheSameLinesWhateverHowTheBodyArrives() throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            body.append("{\"text\":\"line ").append(i).append(" ").append("x".repeat(i % 37)).append("\"}")
                    .append(i % 5 == 0 ? "\r\n" : "\n");
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        List<String> whole = read(new LineReader(new ByteArrayInputStream(bytes), 100));
        assertEquals(3000, whole.size());
        assertEquals(whole, read(new LineReader(new Trickle(bytes), 100)), "delivered a few bytes per read");
    }

    private static List<String> read(LineReader reader) throws IOException {
        List<String> out = new ArrayList<>();
        while (reader.next()) {
            out.add(new String(reader.bytes(), reader.offset(), reader.length(), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Delivers 1 to 13 bytes per read, so lines span many reads. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private int pos;

        Trickle(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return pos < bytes.length ? bytes[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 1 + pos % 13), bytes.length - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    private static List<String> lines(String body, int max) throws IOException {
        LineReader reader = new LineReader(stream(body), max);
        List<String> out = new ArrayList<>();
        while (reader.next()) {
            out.add(new String(reader.bytes(), reader.offset(), reader.length(), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code times} copies of {@code unit}, generated as they are read. */
    private static final class RepeatedLine extends InputStream {
        private final byte[] unit;
        private long left;
        private int pos;

        RepeatedLine(String unit, long times) {
            this.unit = unit.getBytes(StandardCharsets.UTF_8);
            this.left = times;
        }

        @Override
        public int read() {
            byte[] b = new byte[1];
            return read(b, 0, 1) < 0 ? -1 : b[0];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = 0;
            while (n < len && left > 0) {
                int k = Math.min(len - n, unit.length - pos);
                System.arraycopy(unit, pos, b, off + n, k);
                n += k;
                pos += k;
                if (pos == unit.length) {
                    pos = 0;
                    left--;
                }
            }
            return n;
        }
    }
}
