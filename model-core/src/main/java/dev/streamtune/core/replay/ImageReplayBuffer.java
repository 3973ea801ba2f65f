package dev.streamtune.core.replay;

/**
 * Experience replay of raw images for models whose backbone trains (its features change with every step, so
 * stored embeddings would go stale): keeps the 8-bit pixels themselves, one byte per pixel, in one array of
 * {@code capacity × imageBytes}. Which images stay is decided by a {@link ReplayBuffer} of the same capacity and
 * {@link ReplayPolicy} (reservoir or class-balanced), whose slots this array mirrors; that index stores only ids and
 * labels (its one-float vectors carry nothing). Replayed images are preprocessed again by the caller, exactly like
 * new ones.
 *
 * <p>Deterministic for a seed and a sequence of offers. Not thread-safe.
 */
public final class ImageReplayBuffer {

    private static final float[] NO_FEATURES = {0f};

    private final ReplayBuffer index;
    private final int imageBytes;
    private final byte[] pixels;

    private ImageReplayBuffer(ReplayBuffer index, int imageBytes) {
        this.index = index;
        this.imageBytes = imageBytes;
        this.pixels = new byte[Math.multiplyExact(index.capacity(), imageBytes)];
    }

    /**
     * An empty buffer for {@code capacity} images of {@code imageBytes} bytes each.
     *
     * @throws IllegalArgumentException for a missing policy or a non-positive capacity or image size
     */
    public static ImageReplayBuffer create(ReplayPolicy policy, int capacity, int imageBytes, long seed) {
        if (imageBytes <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + imageBytes + " bytes");
        }
        return new ImageReplayBuffer(ReplayBuffer.create(policy, capacity, 1, seed), imageBytes);
    }

    /**
     * Offers the image at {@code source[offset .. offset + imageBytes)}; the policy decides whether it is kept and
     * what it evicts.
     *
     * @return whether the image was stored
     * @throws IllegalArgumentException for a missing id, a negative label or a range outside {@code source} (the
     *     buffer is unchanged)
     */
    public boolean offer(String id, byte[] source, int offset, int label) {
        if (source == null || offset < 0 || offset > source.length - imageBytes) {
            throw new IllegalArgumentException("image " + id + ": " + imageBytes + " bytes at offset " + offset
                    + " lie outside the source of " + (source == null ? "null" : source.length + " bytes"));
        }
        int slot = index.offerToSlot(id, NO_FEATURES, label);
        if (slot < 0) {
            return false;
        }
        System.arraycopy(source, offset, pixels, slot * imageBytes, imageBytes);
        return true;
    }

    /**
     * Draws up to {@code k} distinct stored images uniformly at random.
     *
     * @param images receives the pixels, image after image ({@code k × imageBytes} bytes suffice)
     * @param labels receives their labels
     * @return how many were drawn: {@code min(k, size())}
     */
    public int sample(int k, byte[] images, int[] labels) {
        int[] slots = index.sampleSlots(k);
        for (int i = 0; i < slots.length; i++) {
            System.arraycopy(pixels, slots[i] * imageBytes, images, i * imageBytes, imageBytes);
            labels[i] = index.contents().label(slots[i]);
        }
        return slots.length;
    }

    /** The policy deciding what stays. */
    public ReplayPolicy policy() {
        return index.policy();
    }

    /** Most images the buffer holds. */
    public int capacity() {
        return index.capacity();
    }

    /** Images stored now. */
    public int size() {
        return index.size();
    }

    /** Bytes per image. */
    public int imageBytes() {
        return imageBytes;
    }

    /** Images offered so far. */
    public long seen() {
        return index.seen();
    }

    /** Stored images per label. */
    public int[] classCounts() {
        return index.classCounts();
    }

    /** Heap bytes kept by the pixels and the index (ids, labels, slots). */
    public long retainedBytes() {
        return 16 + (long) pixels.length + index.retainedBytes();
    }
}
