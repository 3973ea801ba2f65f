package dev.streamtune.core.learn;

import dev.streamtune.core.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;

/**
 * A reproducible synthetic stream for tests and benchmarks: labelled Gaussian clusters around fixed random
 * centres ({@code N(0, 1)} per coordinate), optionally L2-normalised like sentence embeddings. Labels are
 * {@code class-<i>}.
 */
public final class SyntheticExamples {

    private final int dimension;
    private final float noise;
    private final boolean normalise;
    private final float[][] centres;

    /**
     * @param noise standard deviation of the samples around their centre
     * @param normalise scale every sample to unit length
     */
    public SyntheticExamples(int dimension, int classes, float noise, boolean normalise, long seed) {
        this.dimension = dimension;
        this.noise = noise;
        this.normalise = normalise;
        SplitMix64 random = new SplitMix64(seed);
        centres = new float[classes][dimension];
        for (float[] c : centres) {
            for (int i = 0; i < dimension; i++) {
                c[i] = (float) random.nextGaussian();
            }
        }
    }

    /**
     * {@code count} examples cycling through {@code classes}, ids {@code prefix-i}, source offsets counting
     * from {@code firstOffset}, noise drawn from {@code seed}.
     */
    public List<Example> examples(String prefix, int count, List<Integer> classes, long firstOffset, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        List<Example> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int c = classes.get(i % classes.size());
            float[] x = new float[dimension];
            double norm = 0;
            for (int d = 0; d < dimension; d++) {
                x[d] = centres[c][d] + noise * (float) random.nextGaussian();
                norm += x[d] * x[d];
            }
            if (normalise) {
                for (int d = 0; d < dimension; d++) {
                    x[d] /= (float) Math.sqrt(norm);
                }
            }
            out.add(new Example(prefix + "-" + i, x, "class-" + c, firstOffset + i));
        }
        return out;
    }
}
