package dev.streamtune.core.replay;

import java.util.Arrays;

/**
 * The slots holding each class, every list kept sorted by slot number, so "the k-th slot of class c" means the
 * same as scanning the store in slot order, yet costs a lookup instead of a scan. Derived from the store: a
 * restored buffer rebuilds it and behaves exactly like the original.
 */
final class ClassSlots {

    private int[][] slots = new int[0][];
    private int[] sizes = new int[0];

    /** Records that {@code slot} now holds class {@code label}. */
    void add(int label, int slot) {
        ensure(label);
        int[] list = slots[label];
        int n = sizes[label];
        if (n == list.length) {
            list = slots[label] = Arrays.copyOf(list, Math.max(8, 2 * n));
        }
        int at = -Arrays.binarySearch(list, 0, n, slot) - 1;
        System.arraycopy(list, at, list, at + 1, n - at);
        list[at] = slot;
        sizes[label] = n + 1;
    }

    /** Records that {@code slot} no longer holds class {@code label}. */
    void remove(int label, int slot) {
        int[] list = slots[label];
        int n = sizes[label];
        int at = Arrays.binarySearch(list, 0, n, slot);
        if (at < 0) {
            throw new IllegalStateException("slot " + slot + " is not listed under class " + label);
        }
        System.arraycopy(list, at + 1, list, at, n - at - 1);
        sizes[label] = n - 1;
    }

    /** The {@code k}-th lowest slot holding class {@code label}. */
    int kth(int label, int k) {
        return slots[label][k];
    }

    /** Heap bytes of the per-class slot arrays (16-byte array headers, 4-byte references). */
    long retainedBytes() {
        long bytes = 16 + 4L * slots.length + 16 + 4L * sizes.length;
        for (int[] list : slots) {
            bytes += 16 + 4L * list.length;
        }
        return bytes;
    }

    private void ensure(int label) {
        if (label >= slots.length) {
            int old = slots.length;
            slots = Arrays.copyOf(slots, label + 1);
            sizes = Arrays.copyOf(sizes, label + 1);
            for (int c = old; c <= label; c++) {
                slots[c] = new int[8];
            }
        }
    }
}
