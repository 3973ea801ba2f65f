package dev.streamtune.core.bert;

import dev.streamtune.contracts.Strategy;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which part of the encoder a {@link TextClassifier} trains (the classification head is always trained).
 *
 * <ul>
 *   <li>{@link Strategy#FEATURE_EXTRACTION}: the whole encoder is frozen.
 *   <li>{@link Strategy#FINE_TUNE}: the top {@code layers} layers are trained; the layers below are frozen.
 *   <li>{@link Strategy#LORA}: the encoder is frozen and rank-{@code rank} adapters {@code ΔW = (alpha/rank)·B·A}
 *       are trained on the {@code targets} projections of the top {@code layers} layers (all layers when it equals
 *       the encoder's depth); {@code B} starts at zero, so training starts from the pretrained model.
 * </ul>
 *
 * Layers below the first trained one are computed without gradients, and their output can be cached per sample.
 *
 * @param kind the strategy
 * @param layers trained (or adapted) top layers; 0 for feature extraction
 * @param rank LoRA rank; 0 otherwise
 * @param alpha LoRA scaling numerator; 0 otherwise
 * @param targets LoRA target projections ({@link Projection#QUERY} ...); empty otherwise
 */
public record FineTuneStrategy(Strategy kind, int layers, int rank, float alpha, List<String> targets) {

    /** The projections LoRA may adapt. */
    public static final Set<String> LORA_TARGETS = Set.of(Projection.QUERY, Projection.KEY, Projection.VALUE,
            Projection.ATTENTION_OUTPUT);

    public FineTuneStrategy {
        if (kind == null) {
            throw new IllegalArgumentException("strategy kind must be set");
        }
        targets = List.copyOf(targets);
        switch (kind) {
            case FEATURE_EXTRACTION -> require(layers == 0 && rank == 0 && targets.isEmpty(),
                    "feature extraction trains no layers, ranks or targets");
            case FINE_TUNE -> require(layers >= 1 && rank == 0 && targets.isEmpty(),
                    "fine-tune needs at least 1 trainable layer and no LoRA settings, was " + layers + " layers");
            case LORA -> {
                require(layers >= 1, "LoRA needs at least 1 adapted layer, was " + layers);
                require(rank >= 1, "LoRA rank must be at least 1, was " + rank);
                require(alpha > 0 && Float.isFinite(alpha), "LoRA alpha must be positive, was " + alpha);
                require(!targets.isEmpty(), "LoRA needs at least one target projection");
                for (String target : targets) {
                    require(LORA_TARGETS.contains(target), "LoRA target " + target + " is not one of " + LORA_TARGETS);
                }
            }
            default -> throw new IllegalArgumentException("unknown strategy " + kind);
        }
    }

    /** Frozen encoder, trained head. */
    public static FineTuneStrategy featureExtraction() {
        return new FineTuneStrategy(Strategy.FEATURE_EXTRACTION, 0, 0, 0f, List.of());
    }

    /** The top {@code layers} layers and the head trained. */
    public static FineTuneStrategy fineTune(int layers) {
        return new FineTuneStrategy(Strategy.FINE_TUNE, layers, 0, 0f, List.of());
    }

    /** Rank-{@code rank} adapters on {@code targets} of the top {@code layers} layers, and the head. */
    public static FineTuneStrategy lora(int rank, float alpha, int layers, List<String> targets) {
        return new FineTuneStrategy(Strategy.LORA, layers, rank, alpha, targets);
    }

    /**
     * Index of the first layer that is trained or adapted: layers below it are frozen and cacheable.
     *
     * @throws IllegalArgumentException when the strategy wants more layers than {@code config} has
     */
    public int firstTrainedLayer(BertConfig config) {
        if (layers > config.layers()) {
            throw new IllegalArgumentException(kind.id() + " wants " + layers + " layers, the encoder has "
                    + config.layers());
        }
        return config.layers() - layers;
    }

    /**
     * Names and shapes of the encoder tensors this strategy trains on an encoder of {@code config}, in layer
     * order (empty for feature extraction).
     *
     * @throws IllegalArgumentException when the strategy wants more layers than {@code config} has
     */
    public Map<String, int[]> trainableShapes(BertConfig config) {
        return TunedLayers.trainableShapes(config, this);
    }

    /** LoRA scale {@code alpha / rank}. */
    public float loraScale() {
        return alpha / rank;
    }

    /** A short label such as {@code fine-tune-top2} or {@code lora-r8-top6-query+value}. */
    public String label() {
        return switch (kind) {
            case FEATURE_EXTRACTION -> kind.id();
            case FINE_TUNE -> kind.id() + "-top" + layers;
            case LORA -> kind.id() + "-r" + rank + "-top" + layers + "-"
                    + String.join("+", targets.stream().map(FineTuneStrategy::shortName).toList());
        };
    }

    private static String shortName(String target) {
        return target.equals(Projection.ATTENTION_OUTPUT) ? "output" : target.substring(target.lastIndexOf('.') + 1);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
