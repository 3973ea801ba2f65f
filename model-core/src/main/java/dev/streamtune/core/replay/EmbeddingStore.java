package dev.streamtune.core.replay;

import dev.streamtune.core.snapshot.SnapshotReader;
import dev.streamtune.core.snapshot.SnapshotWriter;

/**
 * Fixed-capacity slots of (id, embedding, class index). All embeddings live in one primitive {@code float[]}
 * ({@code capacity × dimension}), class indices in one {@code int[]}: no boxing, no per-sample objects except
 * the id strings.
 */
public final class EmbeddingStore {

    private static final int ARRAY_HEADER = 16;
    private static final int REFERENCE = 4;

    private final int capacity;
    private final int dimension;
    private final float[] features;
    private final int[] labels;
    private final String[] ids;
    private int size;

    public EmbeddingStore(int capacity, int dimension) {
        if (capacity <= 0 || dimension <= 0) {
            throw new IllegalArgumentException("capacity and dimension must be positive: " + capacity + ", " + dimension);
        }
        if ((long) capacity * dimension > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("capacity × dimension exceeds one Java array: " + capacity + " × " + dimension);
        }
        this.capacity = capacity;
        this.dimension = dimension;
        this.features = new float[capacity * dimension];
        this.labels = new int[capacity];
        this.ids = new String[capacity];
    }

    public int capacity() {
        return capacity;
    }

    public int dimension() {
        return dimension;
    }

    /** Slots in use: {@code 0 .. size-1}. */
    public int size() {
        return size;
    }

    /** Stores a sample in the next free slot and returns that slot. */
    public int append(String id, float[] vector, int label) {
        if (size == capacity) {
            throw new IllegalStateException("store is full (" + capacity + " slots)");
        }
        set(size, id, vector, label);
        return size++;
    }

    /** Overwrites slot {@code slot} (which must be in use). */
    public void replace(int slot, String id, float[] vector, int label) {
        if (slot < 0 || slot >= size) {
            throw new IndexOutOfBoundsException("slot " + slot + " of " + size);
        }
        set(slot, id, vector, label);
    }

    /** Copies slot {@code slot}'s embedding into {@code dst[dstOffset ..]}. */
    public void copyFeatures(int slot, float[] dst, int dstOffset) {
        System.arraycopy(features, slot * dimension, dst, dstOffset, dimension);
    }

    /** Slot {@code slot}'s embedding as a new array. */
    public float[] features(int slot) {
        float[] out = new float[dimension];
        copyFeatures(slot, out, 0);
        return out;
    }

    public int label(int slot) {
        return labels[slot];
    }

    public String id(int slot) {
        return ids[slot];
    }

    /**
     * Bytes this store keeps reachable, counted from its arrays and id strings (64-bit JVM with compressed
     * references: 16-byte array headers, 4-byte references, 24-byte String objects, Latin-1 ids).
     */
    public long retainedBytes() {
        long bytes = align(ARRAY_HEADER + 4L * features.length) + align(ARRAY_HEADER + 4L * labels.length)
                + align(ARRAY_HEADER + (long) REFERENCE * ids.length);
        for (int i = 0; i < size; i++) {
            bytes += 24 + align(ARRAY_HEADER + ids[i].length());
        }
        return bytes;
    }

    /** Writes capacity, dimension and the used slots. */
    public void writeTo(SnapshotWriter out) {
        out.putInt(capacity).putInt(dimension).putInt(size);
        out.putFloats(features, 0, size * dimension);
        for (int i = 0; i < size; i++) {
            out.putInt(labels[i]).putString(ids[i]);
        }
    }

    /** Reads a store written by {@link #writeTo}, validating sizes before allocating. */
    public static EmbeddingStore readFrom(SnapshotReader in) {
        int capacity = in.getCount("capacity", Integer.MAX_VALUE);
        int dimension = in.getCount("dimension", Integer.MAX_VALUE);
        int size = in.getCount("size", capacity);
        EmbeddingStore store;
        try {
            store = new EmbeddingStore(capacity, dimension);
        } catch (IllegalArgumentException e) {
            throw in.malformed(e.getMessage());
        }
        in.getFloats(store.features, 0, size * dimension);
        for (int i = 0; i < size; i++) {
            int label = in.getInt();
            String id = in.getString();
            if (label < 0 || id == null) {
                throw in.malformed("slot " + i + " has label " + label + " and id " + id);
            }
            store.labels[i] = label;
            store.ids[i] = id;
        }
        store.size = size;
        return store;
    }

    private void set(int slot, String id, float[] vector, int label) {
        System.arraycopy(vector, 0, features, slot * dimension, dimension);
        labels[slot] = label;
        ids[slot] = id;
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
