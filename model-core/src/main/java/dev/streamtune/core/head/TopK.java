package dev.streamtune.core.head;

import java.util.ArrayList;
import java.util.List;

/** Picks the most probable classes of one probability row (ties: lower class index first). */
public final class TopK {

    private TopK() {}

    /** The {@code k} highest entries of {@code probabilities}, highest first; ties keep the lower class first. */
    public static List<ScoredLabel> of(float[] probabilities, List<String> labels, int k) {
        int n = Math.min(k, probabilities.length);
        int[] best = new int[n];
        int filled = 0;
        for (int c = 0; c < probabilities.length; c++) {
            int pos = filled;
            while (pos > 0 && probabilities[best[pos - 1]] < probabilities[c]) {
                pos--;
            }
            if (pos < n) {
                System.arraycopy(best, pos, best, pos + 1, Math.min(filled, n - 1) - pos);
                best[pos] = c;
                filled = Math.min(filled + 1, n);
            }
        }
        List<ScoredLabel> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ScoredLabel(labels.get(best[i]), probabilities[best[i]]));
        }
        return out;
    }

    /** Index of the largest entry (the lowest index among ties). */
    public static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
