package dev.streamtune.core.replay;

import java.util.Arrays;

/**
 * Per-class tallies of a buffer, indexed by class index up to the highest class offered: samples stored now and
 * samples ever offered.
 */
final class ClassCounts {

    private int[] stored = new int[0];
    private long[] seen = new long[0];

    int stored(int label) {
        return label < stored.length ? stored[label] : 0;
    }

    long seen(int label) {
        return label < seen.length ? seen[label] : 0;
    }

    void countSeen(int label) {
        ensure(label);
        seen[label]++;
    }

    void add(int label) {
        ensure(label);
        stored[label]++;
    }

    void remove(int label) {
        stored[label]--;
    }

    /** The class with the most stored samples (the lowest index among ties), or -1 when empty. */
    int largest() {
        int best = -1;
        for (int c = 0; c < stored.length; c++) {
            if (stored[c] > 0 && (best < 0 || stored[c] > stored[best])) {
                best = c;
            }
        }
        return best;
    }

    int[] storedCopy() {
        return Arrays.copyOf(stored, stored.length);
    }

    long[] seenCopy() {
        return Arrays.copyOf(seen, seen.length);
    }

    void restore(int[] storedCounts, long[] seenCounts) {
        stored = Arrays.copyOf(storedCounts, storedCounts.length);
        seen = Arrays.copyOf(seenCounts, seenCounts.length);
    }

    private void ensure(int label) {
        if (label >= stored.length) {
            stored = Arrays.copyOf(stored, label + 1);
            seen = Arrays.copyOf(seen, label + 1);
        }
    }
}
