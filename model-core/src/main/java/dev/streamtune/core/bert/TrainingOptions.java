package dev.streamtune.core.bert;

/**
 * How a {@link FineTuner} trains: AdamW with discriminative learning rates (the encoder's trainable tensors learn
 * much slower than the head) and a linear warm-up, plus the two regularisers against forgetting.
 *
 * @param headLearningRate learning rate of the classification head
 * @param encoderLearningRate learning rate of the tuned layers or adapters (usually far below the head's)
 * @param warmupSteps steps over which both learning rates rise linearly from 0
 * @param weightDecay decoupled AdamW weight decay of the head (the encoder is anchored by L2-SP instead)
 * @param distillationWeight weight of the LwF loss (KL between the previous version's and this model's softmax
 *     over the previous version's classes); 0 switches it off
 * @param temperature LwF softmax temperature
 * @param anchorWeight L2-SP strength: adds {@code anchorWeight/2 · ‖W − W_pretrained‖²} over the tuned encoder
 *     weights (for LoRA, {@code ‖scale·B·A‖²}); 0 switches it off
 */
public record TrainingOptions(float headLearningRate, float encoderLearningRate, int warmupSteps, float weightDecay,
        float distillationWeight, float temperature, float anchorWeight) {

    public TrainingOptions {
        positive(headLearningRate, "headLearningRate");
        positive(encoderLearningRate, "encoderLearningRate");
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warmupSteps must not be negative, was " + warmupSteps);
        }
        notNegative(weightDecay, "weightDecay");
        notNegative(distillationWeight, "distillationWeight");
        positive(temperature, "temperature");
        notNegative(anchorWeight, "anchorWeight");
    }

    /** Head 1e-2, encoder 5e-5 (full layers) or 1e-3 (adapters), 20 warm-up steps, no regularisers. */
    public static TrainingOptions defaults(FineTuneStrategy strategy) {
        float encoder = strategy.kind() == dev.streamtune.contracts.Strategy.LORA ? 1e-3f : 5e-5f;
        return new TrainingOptions(1e-2f, encoder, 20, 0f, 0f, 2f, 0f);
    }

    /** A copy with LwF distillation of the given weight and temperature. */
    public TrainingOptions withDistillation(float weight, float temperature) {
        return new TrainingOptions(headLearningRate, encoderLearningRate, warmupSteps, weightDecay, weight,
                temperature, anchorWeight);
    }

    /** A copy with L2-SP anchoring of the given strength. */
    public TrainingOptions withAnchor(float weight) {
        return new TrainingOptions(headLearningRate, encoderLearningRate, warmupSteps, weightDecay,
                distillationWeight, temperature, weight);
    }

    /** A copy with other learning rates. */
    public TrainingOptions withLearningRates(float head, float encoder) {
        return new TrainingOptions(head, encoder, warmupSteps, weightDecay, distillationWeight, temperature,
                anchorWeight);
    }

    private static void positive(float value, String name) {
        if (!(value > 0) || !Float.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void notNegative(float value, String name) {
        if (!(value >= 0) || !Float.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be zero or positive, was " + value);
        }
    }
}
