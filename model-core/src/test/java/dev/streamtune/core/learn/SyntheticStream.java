package dev.streamtune.core.learn;

import dev.streamtune.core.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;

/** Labelled Gaussian clusters around fixed random centres: an easy, reproducible stream for learner tests. */
final class SyntheticStream {

    private final int dimension;
    private final float[][] centres;

    SyntheticStream(int dimension, int classes, long seed) {
        this.dimension = dimension;
        SplitMix64 random = new SplitMix64(seed);
        centres = new float[classes][dimension];
        for (float[] c : centres) {
            for (int i = 0; i < dimension; i++) {
                c[i] = (float) random.nextGaussian();
            }
        }
    }

    /** {@code count} examples of the given classes (cycled), ids {@code prefix-i}, offsets from {@code firstOffset}. */
    List<Example> examples(String prefix, int count, List<Integer> classes, long firstOffset, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int c = classes.get(i % classes.size());
            float[] x = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                x[d] = centres[c][d] + 0.6f * (float) random.nextGaussian();
            }
            out.add(new Example(prefix + "-" + i, x, "class-" + c, firstOffset + i));
        }
        return out;
    }
}
