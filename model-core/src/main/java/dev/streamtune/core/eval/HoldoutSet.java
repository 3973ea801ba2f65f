package dev.streamtune.core.eval;

import dev.streamtune.core.replay.EmbeddingStore;
import dev.streamtune.core.replay.ReplayBuffer;
import dev.streamtune.core.replay.ReplayPolicy;
import dev.streamtune.core.snapshot.SnapshotReader;
import dev.streamtune.core.snapshot.SnapshotWriter;

/**
 * The held-out samples of a learner: chosen by {@link HoldoutSelector}, kept in a bounded class-balanced
 * reservoir (so every class keeps an equal share and each share is a uniform sample of that class's holdout
 * stream), never trained on. Not thread-safe.
 */
public final class HoldoutSet {

    private static final String MAGIC = "STHO";
    private static final int VERSION = 1;

    private final HoldoutSelector selector;
    private final ReplayBuffer samples;

    private HoldoutSet(HoldoutSelector selector, ReplayBuffer samples) {
        this.selector = selector;
        this.samples = samples;
    }

    /** An empty holdout set keeping at most {@code capacity} embeddings of length {@code dimension}. */
    public static HoldoutSet create(HoldoutSelector selector, int capacity, int dimension, long seed) {
        return new HoldoutSet(selector, ReplayBuffer.create(ReplayPolicy.CLASS_BALANCED, capacity, dimension, seed));
    }

    public HoldoutSelector selector() {
        return selector;
    }

    /** Whether the sample with this id belongs to the holdout (and must not be trained on). */
    public boolean isHoldout(String id) {
        return selector.isHoldout(id);
    }

    /** Keeps a held-out sample (subject to the class-balanced capacity). */
    public void add(String id, float[] features, int classIndex) {
        samples.offer(id, features, classIndex);
    }

    /** Held-out samples stored now. */
    public int size() {
        return samples.size();
    }

    /** Held-out samples offered so far (stored or not). */
    public long seen() {
        return samples.seen();
    }

    /** Read access to the stored samples. */
    public EmbeddingStore contents() {
        return samples.contents();
    }

    /** The whole state as a versioned, checksummed snapshot. */
    public byte[] snapshot() {
        return new SnapshotWriter().putDouble(selector.fraction()).putBytes(samples.snapshot()).seal(MAGIC, VERSION);
    }

    /**
     * Restores a holdout set from {@link #snapshot()} bytes.
     *
     * @throws dev.streamtune.core.snapshot.SnapshotFormatException when the bytes are not an intact snapshot
     */
    public static HoldoutSet restore(byte[] snapshot) {
        SnapshotReader in = SnapshotReader.open(snapshot, MAGIC, VERSION, "holdout set");
        double fraction = in.getDouble();
        byte[] buffer = in.getBytes();
        in.expectEnd();
        HoldoutSelector selector;
        try {
            selector = new HoldoutSelector(fraction);
        } catch (IllegalArgumentException e) {
            throw in.malformed(e.getMessage());
        }
        return new HoldoutSet(selector, ReplayBuffer.restore(buffer));
    }
}
