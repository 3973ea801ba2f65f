package dev.streamtune.ingest.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads an NDJSON body line by line, holding at most one line (up to {@code maxLineBytes}) and one read buffer
 * in memory, whatever the size of the body. A longer line is skipped to its end and reported as
 * {@link #overflowed()}, so memory stays bounded even for a body without line breaks.
 */
public final class LineReader {

    private static final int READ_BUFFER = 64 * 1024;
    private static final int INITIAL_LINE = 8 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[READ_BUFFER];
    private int chunkPos;
    private int chunkEnd;
    private byte[] line = new byte[INITIAL_LINE];
    private int length;
    private boolean overflowed;
    private int largestLine = INITIAL_LINE;
    private boolean eof;

    public LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Reads the next line (without its {@code \n} or {@code \r\n}); {@code false} at the end of the body. */
    public boolean next() throws IOException {
        length = 0;
        overflowed = false;
        boolean any = false;
        while (true) {
            if (chunkPos == chunkEnd && !fill()) {
                return any && finish();
            }
            any = true;
            int start = chunkPos;
            while (chunkPos < chunkEnd && chunk[chunkPos] != '\n') {
                chunkPos++;
            }
            append(start, chunkPos - start);
            if (chunkPos < chunkEnd) {
                chunkPos++; // the '\n'
                return finish();
            }
        }
    }

    /** The bytes of the current line; valid up to {@link #length()} and until the next {@link #next()}. */
    public byte[] bytes() {
        return line;
    }

    /** Length of the current line in bytes (0 when it {@link #overflowed()}). */
    public int length() {
        return length;
    }

    /** Whether the current line was longer than the limit (its content was dropped). */
    public boolean overflowed() {
        return overflowed;
    }

    /** Whether the current line has nothing but spaces and tabs. */
    public boolean isBlank() {
        for (int i = 0; i < length; i++) {
            if (line[i] != ' ' && line[i] != '\t') {
                return false;
            }
        }
        return !overflowed;
    }

    /** The largest buffer this reader held for one line, in bytes: the proof that memory stayed bounded. */
    public int largestLineBuffer() {
        return largestLine;
    }

    private boolean finish() {
        if (!overflowed && length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return true;
    }

    private void append(int from, int count) {
        if (overflowed || count == 0) {
            return;
        }
        if ((long) length + count > maxLineBytes) {
            overflowed = true;
            length = 0;
            return;
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max(2L * line.length, length + count)));
            largestLine = Math.max(largestLine, line.length);
        }
        System.arraycopy(chunk, from, line, length, count);
        length += count;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(chunk, 0, chunk.length);
        if (n < 0) {
            eof = true;
            return false;
        }
        chunkPos = 0;
        chunkEnd = n;
        return true;
    }
}
