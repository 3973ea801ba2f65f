package dev.streamtune.core.replay;

import dev.streamtune.core.head.FeatureVectors;
import dev.streamtune.core.random.SplitMix64;
import dev.streamtune.core.snapshot.SnapshotReader;
import dev.streamtune.core.snapshot.SnapshotWriter;
import java.util.Arrays;

/**
 * A fixed-capacity memory of past samples (embeddings with their class index) for experience replay, filled by
 * {@link ReplayPolicy#RESERVOIR reservoir} or {@link ReplayPolicy#CLASS_BALANCED class-balanced} sampling.
 *
 * <p>Deterministic: the same seed and the same offers give the same contents and samples. {@link #snapshot()}
 * captures everything, the random generator included, so a {@link #restore restored} buffer continues exactly.
 * Not thread-safe.
 */
public final class ReplayBuffer {

    static final String MAGIC = "STRB";
    static final int VERSION = 1;

    private final ReplayPolicy policy;
    private final EmbeddingStore store;
    private final SplitMix64 random;
    private final ClassCounts counts;
    private final ClassSlots slotsByClass = new ClassSlots();
    private long seen;

    private ReplayBuffer(ReplayPolicy policy, EmbeddingStore store, SplitMix64 random, ClassCounts counts, long seen) {
        this.policy = policy;
        this.store = store;
        this.random = random;
        this.counts = counts;
        this.seen = seen;
        for (int slot = 0; slot < store.size(); slot++) {
            slotsByClass.add(store.label(slot), slot);
        }
    }

    /** An empty buffer of {@code capacity} embeddings of length {@code dimension}. */
    public static ReplayBuffer create(ReplayPolicy policy, int capacity, int dimension, long seed) {
        if (policy == null) {
            throw new IllegalArgumentException("replay policy is required");
        }
        return new ReplayBuffer(policy, new EmbeddingStore(capacity, dimension), new SplitMix64(seed), new ClassCounts(), 0);
    }

    /**
     * Offers a sample; the policy decides whether it is kept and what it evicts.
     *
     * @param label class index, {@code >= 0}
     * @return whether the sample was stored
     * @throws IllegalArgumentException for a missing id, a negative label, a vector of the wrong length or with
     *     NaN/infinite values (the buffer is unchanged)
     */
    public boolean offer(String id, float[] vector, int label) {
        return offerToSlot(id, vector, label) >= 0;
    }

    /**
     * Like {@link #offer}, but says where the sample went, so that a caller can keep more per sample (e.g. raw
     * pixels) in arrays parallel to the slots.
     *
     * @return the slot now holding the sample, or -1 when the policy did not keep it
     * @throws IllegalArgumentException as {@link #offer} does
     */
    public int offerToSlot(String id, float[] vector, int label) {
        validate(id, vector, label);
        seen++;
        counts.countSeen(label);
        if (store.size() < store.capacity()) {
            int slot = store.append(id, vector, label);
            slotsByClass.add(label, slot);
            counts.add(label);
            return slot;
        }
        int slot = policy == ReplayPolicy.RESERVOIR ? reservoirSlot() : classBalancedSlot(label);
        if (slot < 0) {
            return -1;
        }
        counts.remove(store.label(slot));
        slotsByClass.remove(store.label(slot), slot);
        store.replace(slot, id, vector, label);
        counts.add(label);
        slotsByClass.add(label, slot);
        return slot;
    }

    /**
     * Draws up to {@code k} distinct stored samples uniformly at random (Floyd's algorithm).
     *
     * @param features receives the embeddings, row after row
     * @param labels receives their class indices
     * @return how many were drawn: {@code min(k, size())}
     */
    public int sample(int k, float[] features, int[] labels) {
        int[] chosen = sampleSlots(k);
        int n = chosen.length;
        for (int i = 0; i < n; i++) {
            store.copyFeatures(chosen[i], features, i * store.dimension());
            labels[i] = store.label(chosen[i]);
        }
        return n;
    }

    /**
     * Draws up to {@code k} distinct occupied slots uniformly at random (Floyd's algorithm); {@link #sample} copies
     * out the samples of exactly these slots.
     *
     * @return {@code min(k, size())} slot numbers
     */
    public int[] sampleSlots(int k) {
        int n = Math.min(k, store.size());
        int[] chosen = new int[n];
        int count = 0;
        for (int j = store.size() - n; j < store.size(); j++) {
            int t = random.nextInt(j + 1);
            chosen[count] = contains(chosen, count, t) ? j : t;
            count++;
        }
        return chosen;
    }

    public ReplayPolicy policy() {
        return policy;
    }

    public int capacity() {
        return store.capacity();
    }

    public int dimension() {
        return store.dimension();
    }

    public int size() {
        return store.size();
    }

    /** Samples offered so far. */
    public long seen() {
        return seen;
    }

    /** Stored samples per class index. */
    public int[] classCounts() {
        return counts.storedCopy();
    }

    /** Read access to the stored samples (slots {@code 0 .. size()-1}). */
    public EmbeddingStore contents() {
        return store;
    }

    /**
     * Heap bytes retained by the stored samples ({@link EmbeddingStore#retainedBytes()}) and the per-class slot
     * index.
     */
    public long retainedBytes() {
        return store.retainedBytes() + slotsByClass.retainedBytes();
    }

    /** The whole state as a versioned, checksummed snapshot. */
    public byte[] snapshot() {
        SnapshotWriter out = new SnapshotWriter();
        out.putString(policy.id()).putLong(random.state()).putLong(seen);
        out.putInts(counts.storedCopy()).putLongs(counts.seenCopy());
        store.writeTo(out);
        return out.seal(MAGIC, VERSION);
    }

    /**
     * Restores a buffer from {@link #snapshot()} bytes.
     *
     * @throws dev.streamtune.core.snapshot.SnapshotFormatException when the bytes are truncated, altered, of
     *     another kind or version, or inconsistent
     */
    public static ReplayBuffer restore(byte[] snapshot) {
        SnapshotReader in = SnapshotReader.open(snapshot, MAGIC, VERSION, "replay buffer");
        ReplayPolicy policy;
        try {
            policy = ReplayPolicy.fromId(in.getString());
        } catch (IllegalArgumentException e) {
            throw in.malformed(e.getMessage());
        }
        SplitMix64 random = new SplitMix64(in.getLong());
        long seen = in.getLong();
        int[] stored = in.getInts();
        long[] seenPerClass = in.getLongs();
        EmbeddingStore store = EmbeddingStore.readFrom(in);
        in.expectEnd();
        int[] recount = new int[stored.length];
        for (int i = 0; i < store.size(); i++) {
            if (store.label(i) >= recount.length) {
                throw in.malformed("slot " + i + " has class " + store.label(i) + " beyond the class counts");
            }
            recount[store.label(i)]++;
        }
        if (!Arrays.equals(recount, stored) || seenPerClass.length != stored.length || seen < store.size()) {
            throw in.malformed("class counts do not match the stored samples");
        }
        ClassCounts counts = new ClassCounts();
        counts.restore(stored, seenPerClass);
        return new ReplayBuffer(policy, store, random, counts, seen);
    }

    /** Algorithm R: the n-th sample replaces a random slot with probability capacity / n. */
    private int reservoirSlot() {
        long j = random.nextLong(seen);
        return j < store.capacity() ? (int) j : -1;
    }

    /** CBRS: evict from the largest class, or replace within a largest class with probability stored/seen. */
    private int classBalancedSlot(int label) {
        int largest = counts.largest();
        if (counts.stored(label) < counts.stored(largest)) {
            return randomSlotOf(largest);
        }
        long j = random.nextLong(counts.seen(label));
        return j < counts.stored(label) ? randomSlotOf(label) : -1;
    }

    /** A uniformly chosen slot of class {@code label}: the k-th in slot order for a random k. */
    private int randomSlotOf(int label) {
        return slotsByClass.kth(label, random.nextInt(counts.stored(label)));
    }

    private static boolean contains(int[] values, int length, int value) {
        for (int i = 0; i < length; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    private void validate(String id, float[] vector, int label) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("replay sample needs a non-empty id");
        }
        if (label < 0) {
            throw new IllegalArgumentException("sample " + id + ": class index must be >= 0, got " + label);
        }
        FeatureVectors.requireValid(vector, store.dimension(), "sample " + id);
    }
}
