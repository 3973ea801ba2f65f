package dev.streamtune.core.backbone;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Sentence vectors from token vectors: the mean of the token vectors the attention mask keeps, scaled to unit
 * length (what sentence-transformers does for all-MiniLM-L6-v2).
 */
public final class MeanPooling {

    /** Smallest norm divided by, as in {@code torch.nn.functional.normalize}; keeps a zero vector zero. */
    private static final double MIN_NORM = 1e-12;

    private MeanPooling() {}

    /**
     * Pools a {@code [batch, seq, dim]} row-major block of token vectors.
     *
     * @param hidden token vectors, read with absolute gets from index 0
     * @param mask {@code [batch, seq]} row-major attention mask, 1 for a real token and 0 for padding
     * @return {@code batch} unit vectors of length {@code dim}
     */
    public static float[][] poolAndNormalize(FloatBuffer hidden, long[] mask, int batch, int seq, int dim) {
        if (mask.length != batch * seq) {
            throw new IllegalArgumentException("mask has " + mask.length + " entries, expected " + batch + " x " + seq);
        }
        if (hidden.limit() != batch * seq * dim) {
            throw new IllegalArgumentException("hidden state has " + hidden.limit() + " values, expected "
                    + batch + " x " + seq + " x " + dim);
        }
        float[][] out = new float[batch][];
        double[] sum = new double[dim];
        for (int b = 0; b < batch; b++) {
            Arrays.fill(sum, 0);
            int kept = 0;
            for (int t = 0; t < seq; t++) {
                if (mask[b * seq + t] == 0) {
                    continue;
                }
                kept++;
                int base = (b * seq + t) * dim;
                for (int d = 0; d < dim; d++) {
                    sum[d] += hidden.get(base + d);
                }
            }
            out[b] = normalize(sum, Math.max(kept, 1));
        }
        return out;
    }

    private static float[] normalize(double[] sum, int count) {
        double squares = 0;
        for (double s : sum) {
            double mean = s / count;
            squares += mean * mean;
        }
        double scale = 1.0 / (count * Math.max(Math.sqrt(squares), MIN_NORM));
        float[] unit = new float[sum.length];
        for (int d = 0; d < sum.length; d++) {
            unit[d] = (float) (sum[d] * scale);
        }
        return unit;
    }
}
