package dev.streamtune.core.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;

/**
 * A linear classifier on sentence vectors, {@code logits = x Wᵀ + b}, that grows when new classes appear: old
 * rows are kept, new rows start at zero (so old-class logits are unchanged by growth).
 *
 * <p>Its arrays live on the owning model's manager and require a gradient. Each growth replaces them (closing
 * the old ones) and increases {@link #generation()}, so optimizers can tell the new arrays from the old.
 * Not thread-safe: its owner serialises training and growth.
 */
final class ClassifierHead {

    static final String WEIGHT = "head.weight";
    static final String BIAS = "head.bias";

    private final NDManager manager;
    private final int dimension;
    private NDArray weight;
    private NDArray bias;
    private int generation;

    /** A head for {@code classes} classes on {@code dimension}-long vectors, initialised to {@code weight}, {@code bias}. */
    ClassifierHead(NDManager manager, int dimension, float[] weight, float[] bias) {
        this.manager = manager;
        this.dimension = dimension;
        if (weight.length != bias.length * dimension) {
            throw new IllegalArgumentException("head weight has " + weight.length + " values, expected " + bias.length
                    + " classes x " + dimension);
        }
        replace(weight, bias);
    }

    /** Number of classes. */
    int classes() {
        return (int) bias.getShape().get(0);
    }

    /** Increases on every growth. */
    int generation() {
        return generation;
    }

    NDArray weight() {
        return weight;
    }

    NDArray bias() {
        return bias;
    }

    /** {@code [batch, classes]} logits of {@code [batch, dimension]} vectors. */
    NDArray apply(NDArray vectors) {
        return Linear.linear(vectors, weight, bias).singletonOrThrow();
    }

    /** Grows to {@code classes} classes when it has fewer; no-op otherwise. */
    void ensureClasses(int classes) {
        int old = classes();
        if (classes <= old) {
            return;
        }
        float[] w = new float[classes * dimension];
        float[] b = new float[classes];
        System.arraycopy(weight.toFloatArray(), 0, w, 0, old * dimension);
        System.arraycopy(bias.toFloatArray(), 0, b, 0, old);
        NDArray oldWeight = weight;
        NDArray oldBias = bias;
        replace(w, b);
        oldWeight.close();
        oldBias.close();
        generation++;
    }

    private void replace(float[] w, float[] b) {
        weight = manager.create(w, new Shape(b.length, dimension));
        bias = manager.create(b, new Shape(b.length));
        weight.setName(WEIGHT);
        bias.setName(BIAS);
        weight.setRequiresGradient(true);
        bias.setRequiresGradient(true);
    }
}
