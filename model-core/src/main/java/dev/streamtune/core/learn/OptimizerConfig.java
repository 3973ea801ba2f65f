package dev.streamtune.core.learn;

/**
 * Optimizer settings.
 *
 * <p>{@link Kind#ADAM} is Adam (Kingma and Ba 2015) in the form of their section 2 ("efficient version": the
 * bias corrections folded into the step size, ε added to {@code √v}) with decoupled weight decay as in AdamW
 * (Loshchilov and Hutter 2019): {@code w ← w − lr·wd·w} before the Adam step. {@link Kind#SGD} is SGD with
 * optional momentum and L2 weight decay: {@code s ← momentum·s + lr·(g + wd·w); w ← w − s}.
 *
 * @param kind which algorithm
 * @param learningRate step size, {@code > 0}
 * @param weightDecay decay coefficient, {@code >= 0}
 * @param momentum SGD momentum in {@code [0, 1)} (ignored by Adam)
 * @param beta1 Adam's first-moment decay in {@code [0, 1)}
 * @param beta2 Adam's second-moment decay in {@code [0, 1)}
 * @param epsilon Adam's denominator term, {@code > 0}
 */
public record OptimizerConfig(
        Kind kind, float learningRate, float weightDecay, float momentum, float beta1, float beta2, float epsilon) {

    /** Optimization algorithm. */
    public enum Kind {
        ADAM,
        SGD
    }

    public OptimizerConfig {
        if (kind == null) {
            throw new IllegalArgumentException("optimizer kind is required");
        }
        requireIn("learning rate", learningRate, Float.MIN_VALUE, 10f);
        requireIn("weight decay", weightDecay, 0f, 1f);
        requireIn("momentum", momentum, 0f, Math.nextDown(1f));
        requireIn("beta1", beta1, 0f, Math.nextDown(1f));
        requireIn("beta2", beta2, 0f, Math.nextDown(1f));
        requireIn("epsilon", epsilon, Float.MIN_VALUE, 1f);
    }

    /** Adam with β = (0.9, 0.999), ε = 1e-8, no weight decay. */
    public static OptimizerConfig adam(float learningRate) {
        return new OptimizerConfig(Kind.ADAM, learningRate, 0f, 0f, 0.9f, 0.999f, 1e-8f);
    }

    /** SGD with the given momentum, no weight decay. */
    public static OptimizerConfig sgd(float learningRate, float momentum) {
        return new OptimizerConfig(Kind.SGD, learningRate, 0f, momentum, 0.9f, 0.999f, 1e-8f);
    }

    /** The same settings with another weight decay. */
    public OptimizerConfig withWeightDecay(float decay) {
        return new OptimizerConfig(kind, learningRate, decay, momentum, beta1, beta2, epsilon);
    }

    private static void requireIn(String name, float value, float min, float max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
