package dev.streamtune.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A registered model: what it learns, from which backbone, how, and when it publishes. Value of the compacted
 * {@code model-specs} topic, keyed by {@link #name()}.
 *
 * @param name model name, {@link #NAME_PATTERN}
 * @param task what the model does; fixes the input modality
 * @param backbone backbone reference: a built-in id such as {@value #DEFAULT_TEXT_BACKBONE}, or a URL
 * @param strategy how the backbone is reused
 * @param labels closed label set, or {@code null}/empty for an open set that grows with the stream
 * @param replay replay buffer settings
 * @param publish publish policy
 * @param revision increases by one on every update of the spec (set by the registry)
 * @param updatedAt epoch millis of the last update (set by the registry)
 * @param tuning how much of the backbone trains for {@code fine-tune} and {@code lora}; {@code null} for the
 *     strategy's defaults ({@link #tuningOrDefaults()})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSpec(
        String name,
        Task task,
        String backbone,
        Strategy strategy,
        List<String> labels,
        ReplaySettings replay,
        PublishSettings publish,
        long revision,
        long updatedAt,
        Tuning tuning) {

    /** A spec with the strategy's default tuning. */
    public ModelSpec(String name, Task task, String backbone, Strategy strategy, List<String> labels,
            ReplaySettings replay, PublishSettings publish, long revision, long updatedAt) {
        this(name, task, backbone, strategy, labels, replay, publish, revision, updatedAt, null);
    }

    /** {@link #tuning()}, or the strategy's defaults when it is not set. */
    public Tuning tuningOrDefaults() {
        return tuning != null ? tuning : Tuning.defaults(strategy);
    }

    /** Model names: lowercase letters, digits and dashes, 1 to 63 characters, not starting with a dash. */
    public static final Pattern NAME_PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** The built-in text backbone. */
    public static final String DEFAULT_TEXT_BACKBONE = "minilm-l6-v2";
    /** The built-in image backbone, made by {@code ./streamtune pretrain}. */
    public static final String DEFAULT_IMAGE_BACKBONE = "fashion-cnn";

    /** Whether {@code label} is allowed by this spec (always, for an open label set). */
    public boolean allowsLabel(String label) {
        return labels == null || labels.isEmpty() || labels.contains(label);
    }

    /**
     * What trains besides the head: the top {@code layers} encoder layers ({@code fine-tune}), or rank-{@code rank}
     * adapters on the attention query and value projections of the top {@code layers} layers ({@code lora}).
     * Both are 0 for feature extraction.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tuning(int layers, int rank) {
        /** Default trained (or adapted) top layers. */
        public static final int DEFAULT_LAYERS = 2;
        /** Default LoRA rank. */
        public static final int DEFAULT_RANK = 8;

        /** Top-2 layers for {@code fine-tune}, rank 8 on the top 2 layers for {@code lora}, nothing otherwise. */
        public static Tuning defaults(Strategy strategy) {
            if (strategy == Strategy.FINE_TUNE) {
                return new Tuning(DEFAULT_LAYERS, 0);
            }
            return strategy == Strategy.LORA ? new Tuning(DEFAULT_LAYERS, DEFAULT_RANK) : new Tuning(0, 0);
        }
    }

    /** Replay buffer settings. {@code policy} is {@code reservoir} or {@code class-balanced}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReplaySettings(String policy, int capacity, double ratio) {
        /** Defaults: class-balanced, 2,000 samples, half of every step replayed. */
        public static ReplaySettings defaults() {
            return new ReplaySettings("class-balanced", 2000, 0.5);
        }
    }

    /** Publish policy: a candidate every {@code everySamples} new samples or {@code everySeconds} seconds. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PublishSettings(int everySamples, double everySeconds, double maxForgetting) {
        /** Defaults: every 500 samples or 30 s, and old-class accuracy may drop at most 5 points. */
        public static PublishSettings defaults() {
            return new PublishSettings(500, 30.0, 0.05);
        }
    }
}
