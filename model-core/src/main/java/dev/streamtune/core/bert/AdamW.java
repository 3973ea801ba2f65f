package dev.streamtune.core.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.streamtune.core.snapshot.SnapshotReader;
import dev.streamtune.core.snapshot.SnapshotWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW (decoupled weight decay, β = 0.9/0.999, ε = 1e-8) with a linear warm-up from 0, whose moments can be
 * written to and read from a snapshot, so a restored training session continues with the same optimizer state.
 * DJL's own {@code Adam} keeps its moments private, which is why this exists.
 *
 * <p>Moments are kept per tensor name; a tensor whose shape changed (a grown head) starts fresh moments and its
 * own warm-up. Not thread-safe; updates run without autograd.
 */
final class AdamW implements AutoCloseable {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;
    private static final int MAX_TENSORS = 1 << 16;

    private final float learningRate;
    private final float weightDecay;
    private final int warmupSteps;
    private final Map<String, Moments> moments = new LinkedHashMap<>();

    private static final class Moments {
        final NDArray mean;
        final NDArray variance;
        int count;

        Moments(NDArray mean, NDArray variance, int count) {
            this.mean = mean;
            this.variance = variance;
            this.count = count;
        }
    }

    AdamW(float learningRate, float weightDecay, int warmupSteps) {
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
        this.warmupSteps = warmupSteps;
    }

    /** Learning rate of the {@code t}-th update (from 1) of a tensor. */
    float rate(int t) {
        return warmupSteps == 0 ? learningRate : learningRate * Math.min(1f, (float) t / warmupSteps);
    }

    /** One update of {@code weight} from {@code grad}, in place. */
    void update(String name, NDArray weight, NDArray grad) {
        Moments m = moments.get(name);
        if (m == null || !m.mean.getShape().equals(weight.getShape())) {
            if (m != null) {
                m.mean.close();
                m.variance.close();
            }
            NDManager owner = weight.getManager();
            m = new Moments(owner.zeros(weight.getShape()), owner.zeros(weight.getShape()), 0);
            moments.put(name, m);
        }
        m.count++;
        try (NDArray g1 = grad.mul(1 - BETA1)) {
            m.mean.muli(BETA1).addi(g1);
        }
        try (NDArray g2 = grad.square()) {
            m.variance.muli(BETA2).addi(g2.muli(1 - BETA2));
        }
        float meanCorrection = (float) (1 - Math.pow(BETA1, m.count));
        float varianceCorrection = (float) (1 - Math.pow(BETA2, m.count));
        try (NDArray vhat = m.variance.div(varianceCorrection); NDArray denominator = vhat.sqrt();
                NDArray step = m.mean.div(denominator.addi(EPSILON))) {
            step.divi(meanCorrection);
            if (weightDecay > 0) {
                try (NDArray decay = weight.mul(weightDecay)) {
                    step.addi(decay);
                }
            }
            weight.subi(step.muli(rate(m.count)));
        }
    }

    /** Writes every tensor's moments and update count. */
    void writeTo(SnapshotWriter out) {
        out.putInt(moments.size());
        moments.forEach((name, m) -> {
            out.putString(name).putInt(m.count);
            out.putLongs(m.mean.getShape().getShape());
            float[] mean = m.mean.toFloatArray();
            float[] variance = m.variance.toFloatArray();
            out.putFloats(mean, 0, mean.length).putFloats(variance, 0, variance.length);
        });
    }

    /**
     * Reads moments written by {@link #writeTo}, creating their arrays on {@code manager}.
     *
     * @throws dev.streamtune.core.snapshot.SnapshotFormatException when the entries are malformed
     */
    void readFrom(SnapshotReader in, NDManager manager) {
        int n = in.getCount("optimizer tensors", MAX_TENSORS);
        for (int i = 0; i < n; i++) {
            String name = in.getString();
            int count = in.getInt();
            long[] shape = in.getLongs();
            long size = Arrays.stream(shape).reduce(1, Math::multiplyExact);
            if (count < 0 || size < 0 || size > Integer.MAX_VALUE || Arrays.stream(shape).anyMatch(d -> d < 0)) {
                throw in.malformed("optimizer state of '" + name + "' has count " + count + " and shape "
                        + Arrays.toString(shape));
            }
            float[] mean = in.getFloats((int) size);
            float[] variance = in.getFloats((int) size);
            ai.djl.ndarray.types.Shape s = new ai.djl.ndarray.types.Shape(shape);
            moments.put(name, new Moments(manager.create(mean, s), manager.create(variance, s), count));
        }
    }

    /** Update count of {@code name} (0 when never updated). */
    int updates(String name) {
        Moments m = moments.get(name);
        return m == null ? 0 : m.count;
    }

    @Override
    public void close() {
        moments.values().forEach(m -> {
            m.mean.close();
            m.variance.close();
        });
        moments.clear();
    }
}
