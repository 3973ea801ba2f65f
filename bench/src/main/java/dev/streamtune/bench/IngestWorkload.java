package dev.streamtune.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.SampleRecord;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The records an ingest benchmark sends, encoded up front so encoding is not timed: sample {@code i} is the
 * real labeled text {@code i mod n} with the id {@code PREFIX-SOURCEID-ROUND}, as an NDJSON line for the REST
 * path and as the {@link SampleRecord} JSON value the ingest service writes, for the raw Kafka path.
 */
final class IngestWorkload {

    /** The single-sample request body of the ingest API (field order as documented). */
    record SampleLine(String id, String text, String label) {}

    /** A contiguous range {@code [from, to)} of records sent together (one request, one transaction). */
    record Chunk(int from, int to) {
        int size() {
            return to - from;
        }
    }

    private final String model;
    private final byte[][] lines;
    private final byte[][] values;
    private final long lineBytes;

    IngestWorkload(List<LabeledText> corpus, String model, String idPrefix, int count, ObjectMapper json) {
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("the corpus is empty");
        }
        this.model = model;
        this.lines = new byte[count][];
        this.values = new byte[count][];
        long now = System.currentTimeMillis();
        long bytes = 0;
        try {
            for (int i = 0; i < count; i++) {
                LabeledText t = corpus.get(i % corpus.size());
                String id = idPrefix + "-" + t.sourceId() + "-" + (i / corpus.size());
                byte[] line = json.writeValueAsBytes(new SampleLine(id, t.text(), t.label()));
                lines[i] = Arrays.copyOf(line, line.length + 1);
                lines[i][line.length] = '\n';
                values[i] = json.writeValueAsBytes(new SampleRecord(id, model, t.text(), null, t.label(), now, now));
                bytes += lines[i].length;
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        this.lineBytes = bytes;
    }

    /** The model every record belongs to (the Kafka key). */
    String model() {
        return model;
    }

    /** How many records. */
    int size() {
        return lines.length;
    }

    /** Record {@code i} as one NDJSON line, newline included. */
    byte[] line(int i) {
        return lines[i];
    }

    /** Record {@code i} as the JSON body of a single-sample request (the line without its newline). */
    byte[] sampleJson(int i) {
        return Arrays.copyOf(lines[i], lines[i].length - 1);
    }

    /** Record {@code i} as the {@link SampleRecord} JSON value on the samples topic. */
    byte[] value(int i) {
        return values[i];
    }

    /** Total NDJSON bytes of all records: the payload both paths are credited with for MB/s. */
    long payloadBytes() {
        return lineBytes;
    }

    /** NDJSON bytes of one chunk. */
    long payloadBytes(Chunk c) {
        long sum = 0;
        for (int i = c.from(); i < c.to(); i++) {
            sum += lines[i].length;
        }
        return sum;
    }

    /** Consecutive chunks of at most {@code chunkSize} records covering all records. */
    List<Chunk> chunks(int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1, got " + chunkSize);
        }
        List<Chunk> out = new ArrayList<>();
        for (int from = 0; from < lines.length; from += chunkSize) {
            out.add(new Chunk(from, Math.min(lines.length, from + chunkSize)));
        }
        return out;
    }

    /** A chunk's NDJSON body as blocks of about {@code blockBytes}, each holding whole lines (a streamed body). */
    List<byte[]> ndjsonBlocks(Chunk c, int blockBytes) {
        List<byte[]> blocks = new ArrayList<>();
        ByteArrayOutputStream block = new ByteArrayOutputStream(blockBytes + 1024);
        for (int i = c.from(); i < c.to(); i++) {
            block.writeBytes(lines[i]);
            if (block.size() >= blockBytes) {
                blocks.add(block.toByteArray());
                block.reset();
            }
        }
        if (block.size() > 0) {
            blocks.add(block.toByteArray());
        }
        return blocks;
    }
}
