package dev.streamtune.ingest.rest;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/** A generated NDJSON body that runs a gate (e.g. "wait until Kafka has the first half") before line {@code gateAt}. */
final class GatedLines extends InputStream {

    private final int lines;
    private final IntFunction<String> line;
    private final int gateAt;
    private final Runnable gate;
    private int next;
    private byte[] current = new byte[0];
    private int pos;

    GatedLines(int lines, IntFunction<String> line, int gateAt, Runnable gate) {
        this.lines = lines;
        this.line = line;
        this.gateAt = gateAt;
        this.gate = gate;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (pos == current.length) {
            if (next == lines) {
                return -1;
            }
            if (next == gateAt) {
                gate.run();
            }
            current = line.apply(next++).getBytes(StandardCharsets.UTF_8);
            pos = 0;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }
}
