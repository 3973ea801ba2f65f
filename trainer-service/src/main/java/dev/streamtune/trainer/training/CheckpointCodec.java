package dev.streamtune.trainer.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Wire layout of a {@code trainer-state} record value: magic {@code STC1}, then three length-prefixed parts: the
 * {@link Header} as JSON, the deduplicator's bytes, the learner's bytes.
 */
public final class CheckpointCodec {

    private static final byte[] MAGIC = "STC1".getBytes(StandardCharsets.US_ASCII);
    private final ObjectMapper json;

    public CheckpointCodec(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Session bookkeeping stored with the learner.
     *
     * @param model model name
     * @param specRevision revision of the spec the learner was built for
     * @param lastVersion last published version (0 = none)
     * @param publishedPerClass per-class holdout accuracy of the last published version
     * @param bestPerClass best per-class holdout accuracy seen at any publish (forgetting reference)
     * @param lineage open lineage ranges and cumulative count
     * @param newestSampleAt producer time of the newest trained sample
     * @param duplicates duplicates skipped so far
     * @param rejectedCandidates candidates the forgetting gate refused so far
     */
    public record Header(
            String model,
            long specRevision,
            long lastVersion,
            Map<String, Double> publishedPerClass,
            Map<String, Double> bestPerClass,
            LineageTracker.State lineage,
            long newestSampleAt,
            long duplicates,
            long rejectedCandidates) {}

    /** A decoded checkpoint. */
    public record Checkpoint(Header header, byte[] dedup, byte[] learner) {}

    /** The record value for a checkpoint. */
    public byte[] encode(Checkpoint c) {
        byte[] h;
        try {
            h = json.writeValueAsBytes(c.header());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 12 + h.length + c.dedup().length + c.learner().length);
        b.put(MAGIC);
        b.putInt(h.length).put(h);
        b.putInt(c.dedup().length).put(c.dedup());
        b.putInt(c.learner().length).put(c.learner());
        return b.array();
    }

    /**
     * Decodes a record value.
     *
     * @throws IllegalArgumentException for anything that is not a complete checkpoint
     */
    public Checkpoint decode(byte[] value) {
        if (value == null || value.length < MAGIC.length + 12 || !Arrays.equals(Arrays.copyOf(value, 4), MAGIC)) {
            throw new IllegalArgumentException("not a trainer checkpoint");
        }
        ByteBuffer b = ByteBuffer.wrap(value, MAGIC.length, value.length - MAGIC.length);
        byte[] h = part(b, "header");
        byte[] dedup = part(b, "dedup");
        byte[] learner = part(b, "learner");
        try {
            return new Checkpoint(json.readValue(h, Header.class), dedup, learner);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt checkpoint header: " + e.getMessage(), e);
        }
    }

    private static byte[] part(ByteBuffer b, String what) {
        if (b.remaining() < 4) {
            throw new IllegalArgumentException("checkpoint truncated before " + what);
        }
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) {
            throw new IllegalArgumentException("checkpoint truncated in " + what);
        }
        byte[] out = new byte[n];
        b.get(out);
        return out;
    }
}
