package dev.streamtune.ingest.service;

import dev.streamtune.ingest.validation.ByteWords;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads an NDJSON body line by line, holding at most one line (up to {@code maxLineBytes}) and one read buffer
 * in memory, whatever the size of the body. A longer line is skipped to its end and reported as
 * {@link #overflowed()}, so memory stays bounded even for a body without line breaks. A line that lies inside one
 * read buffer is handed out where it lies, without a copy; only a line that spans two reads is put together in a
 * line buffer.
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
    /** The array the current line lies in ({@link #chunk} or {@link #line}) and where it starts there. */
    private byte[] view = line;
    private int from;
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
        view = line;
        from = 0;
        length = 0;
        overflowed = false;
        boolean any = false;
        while (true) {
            if (chunkPos == chunkEnd && !fill()) {
                return any && finish();
            }
            int start = chunkPos;
            int newline = indexOfNewline(start);
            if (newline >= 0 && !any) {
                chunkPos = newline + 1;
                if (newline - start > maxLineBytes) {
                    overflowed = true;
                } else {
                    view = chunk; // the whole line is in this read: no copy
                    from = start;
                    length = newline - start;
                }
                return finish();
            }
            any = true;
            int stop = newline >= 0 ? newline : chunkEnd;
            append(start, stop - start);
            chunkPos = stop;
            if (newline >= 0) {
                chunkPos++; // the '\n'
                return finish();
            }
        }
    }

    /** The array holding the current line, from {@link #offset()} for {@link #length()} bytes, until {@link #next()}. */
    public byte[] bytes() {
        return view;
    }

    /** Where the current line starts in {@link #bytes()}. */
    public int offset() {
        return from;
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
        for (int i = from; i < from + length; i++) {
            if (view[i] != ' ' && view[i] != '\t') {
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
        if (!overflowed && length > 0 && view[from + length - 1] == '\r') {
            length--;
        }
        return true;
    }

    /** Where the next {@code '\n'} of the read buffer is, from {@code start}; -1 if there is none. */
    private int indexOfNewline(int start) {
        int i = start;
        for (; i + Long.BYTES <= chunkEnd; i += Long.BYTES) {
            if ((ByteWords.equalTo(ByteWords.word(chunk, i), '\n') & ByteWords.HIGH_BITS) != 0) {
                break;
            }
        }
        for (; i < chunkEnd; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int start, int count) {
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
        System.arraycopy(chunk, start, line, length, count);
        length += count;
        view = line;
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
