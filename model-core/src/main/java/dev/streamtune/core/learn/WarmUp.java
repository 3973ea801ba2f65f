package dev.streamtune.core.learn;

import dev.streamtune.contracts.Modality;
import dev.streamtune.core.backbone.Backbone;
import dev.streamtune.core.backbone.BackboneInfo;
import dev.streamtune.core.weights.Lineage;
import dev.streamtune.core.weights.VersionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the model-core code of a training loop once on made-up inputs, so that its first real batch does not pay
 * the cold costs: the JIT of the tokenizer, translator and learner code, ONNX Runtime's first runs of each input
 * shape, and the first PyTorch steps. A text backbone embeds {@link #TEXTS} (lengths from a few words to past the
 * 128-token truncation) and a scratch {@link ContinualLearner} learns from them, is evaluated, snapshotted and
 * exported, then closed. Nothing it touches keeps state, apart from the backbone's warmed session.
 */
public final class WarmUp {

    /** Texts of varied lengths, 2 to 140 words, from one made-up passage; not from any data set. */
    public static final List<String> TEXTS = texts();

    /** Labels the warm-up examples carry, in turn. */
    public static final List<String> LABELS = List.of("warm-up.a", "warm-up.b", "warm-up.c");

    private static final String PASSAGE = "a small animal that lives in the forest and eats seeds and berries during "
            + "the long summer months while storing food for the cold winter in hollow trees or underground burrows "
            + "where it sleeps for many weeks until the snow melts and the first green plants appear again near the "
            + "river banks and open fields of the valley below the old stone bridge built by farmers who grew wheat "
            + "barley and oats on the hills above the village with its church market square bakery school and a "
            + "narrow road that leads across the mountains to the harbour town where fishing boats bring herring cod "
            + "and mackerel every morning before dawn to sell at the busy quay";

    private WarmUp() {}

    private static List<String> texts() {
        String[] words = PASSAGE.split(" ");
        List<String> out = new ArrayList<>();
        for (int n = 2; n <= 140; n += 3) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(words[(i + n) % words.length]);
            }
            out.add(sb.toString());
        }
        return List.copyOf(out);
    }

    /** {@link #TEXTS} embedded by {@code backbone}, as examples labelled with {@link #LABELS} in turn. */
    public static List<Example> examples(Backbone<String> backbone) {
        float[][] features = backbone.embed(TEXTS);
        List<Example> out = new ArrayList<>(features.length);
        for (int i = 0; i < features.length; i++) {
            out.add(Example.of("warm-up-" + i, features[i], LABELS.get(i % LABELS.size())));
        }
        return out;
    }

    /**
     * A scratch learner of {@code config} learns {@code examples} in {@code passes}, is evaluated on its holdout,
     * snapshotted and exported; it is closed afterwards.
     */
    public static void learner(LearnerConfig config, List<Example> examples, int passes) {
        try (ContinualLearner scratch = ContinualLearner.create(config)) {
            scratch.learn(examples, passes);
            scratch.evaluateHoldout();
            scratch.snapshot();
            BackboneInfo backbone = new BackboneInfo("warm-up", "0".repeat(64), config.head().inputDim(), Modality.TEXT);
            scratch.exportWeights(new VersionInfo("warm-up", 1, null, backbone, Map.of(),
                    new Lineage(examples.size(), 1, List.of()), 0), null);
        }
    }

    /** {@link #examples} and {@link #learner}: the whole model-core warm-up of a text model's loop. */
    public static void run(Backbone<String> backbone, LearnerConfig config, int passes) {
        learner(config, examples(backbone), passes);
    }
}
