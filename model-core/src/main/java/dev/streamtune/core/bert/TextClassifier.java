package dev.streamtune.core.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.streamtune.core.backbone.TokenBatch;
import dev.streamtune.core.head.FloatTensor;
import dev.streamtune.core.head.HeadConfig;
import dev.streamtune.core.head.MlpHead;
import dev.streamtune.core.head.MlpMath;
import dev.streamtune.core.random.SplitMix64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trainable text classifier on a shared pretrained {@link MiniLmEncoder}: frozen lower layers, the layers its
 * {@link FineTuneStrategy} tunes, mean pooling + L2 norm (the {@code minilm-l6-v2} sentence vector), and a
 * growing {@link MlpHead} (without dropout) whose parameters are trained through autograd together with the
 * tuned layers.
 *
 * <p>It owns only its trainable arrays (on a sub-manager of the base); the base encoder must outlive it. Training
 * goes through a {@link FineTuner}. Not thread-safe while training; predictions may run concurrently.
 */
public final class TextClassifier implements AutoCloseable {

    private final MiniLmEncoder base;
    private final FineTuneStrategy strategy;
    private final NDManager manager;
    private final TunedLayers tuned;
    private final MlpHead head;
    private final SplitMix64 random;

    private TextClassifier(MiniLmEncoder base, FineTuneStrategy strategy, NDManager manager, TunedLayers tuned,
            MlpHead head, SplitMix64 random) {
        this.base = base;
        this.strategy = strategy;
        this.manager = manager;
        this.tuned = tuned;
        this.head = head;
        this.random = random;
        trainHead();
    }

    /**
     * A new classifier for {@code labels} (at least one): pretrained encoder, adapters at their start values, a
     * fresh head. {@code seed} fixes the random initialisation.
     *
     * @throws IllegalArgumentException for no labels, a head with dropout or of another input size
     */
    public static TextClassifier create(MiniLmEncoder base, FineTuneStrategy strategy, HeadConfig headConfig,
            List<String> labels, long seed) {
        checkHead(base, headConfig, labels);
        NDManager manager = base.newModelManager();
        try {
            SplitMix64 random = new SplitMix64(seed);
            TunedLayers tuned = TunedLayers.create(base, strategy, manager, random);
            MlpHead head = MlpHead.create(headConfig, labels, random, manager);
            return new TextClassifier(base, strategy, manager, tuned, head, random);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * The classifier {@code weights} describe, on {@code base}.
     *
     * @throws IllegalArgumentException when a tensor is missing, misshapen, or not part of the strategy or head
     */
    public static TextClassifier rebuild(MiniLmEncoder base, TrainableWeights weights) {
        checkHead(base, weights.head(), weights.labels());
        Map<String, int[]> encoderShapes = TunedLayers.trainableShapes(base.config(), weights.strategy());
        Map<String, FloatTensor> encoder = new LinkedHashMap<>();
        List<FloatTensor> headTensors = new ArrayList<>();
        for (FloatTensor t : weights.tensors()) {
            if (encoderShapes.containsKey(t.name())) {
                encoder.put(t.name(), t);
            } else {
                headTensors.add(t);
            }
        }
        NDManager manager = base.newModelManager();
        try {
            TunedLayers tuned = TunedLayers.restore(base, weights.strategy(), manager, encoder);
            MlpHead head = MlpHead.fromTensors(weights.head(), weights.labels(), headTensors, manager);
            return new TextClassifier(base, weights.strategy(), manager, tuned, head, new SplitMix64(0));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The strategy. */
    public FineTuneStrategy strategy() {
        return strategy;
    }

    /** The shared base encoder. */
    public MiniLmEncoder base() {
        return base;
    }

    /** Index of the first tuned layer: an {@link ActivationCache} for this model caches that layer's input. */
    public int firstTrainedLayer() {
        return tuned.first();
    }

    /** Labels in class order. */
    public List<String> labels() {
        return head.labels();
    }

    /** Class index of {@code label}, adding it (and growing the head by one row) when new. */
    public int classIndex(String label) {
        if (head.classIndex(label) < 0) {
            try (Autograd.Guard noGrad = Autograd.noGrad()) {
                head.grow(List.of(label), random);
            }
            trainHead();
        }
        return head.classIndex(label);
    }

    /** Trainable values: tuned encoder tensors and head. */
    public long trainableParameterCount() {
        long count = 0;
        for (NDArray array : tuned.parameters().values()) {
            count += array.size();
        }
        for (NDArray array : head.parameters()) {
            count += array.size();
        }
        return count;
    }

    /** The frozen layers' output for {@code texts}, computed now (no cache), on {@code on}. */
    public FrozenBatch frozen(NDManager on, List<String> texts) {
        return FrozenBatch.compute(base, tuned.first(), on, base.tokenize(texts));
    }

    /** {@code [batch, classes]} logits; records a graph for the trainable arrays inside a gradient collector. */
    public NDArray logits(FrozenBatch batch) {
        NDArray hidden = tuned.forward(batch.hidden(), batch.attentionBias());
        return MlpMath.logits(head.parameters(), SentencePooling.meanNormalized(hidden, batch.mask()));
    }

    /** Logits of tokenized inputs, one row per input, without gradients. */
    public float[][] predict(TokenBatch tokens) {
        try (NDManager step = manager.newSubManager(); Autograd.Guard noGrad = Autograd.noGrad()) {
            return rows(logits(FrozenBatch.compute(base, tuned.first(), step, tokens)));
        }
    }

    /**
     * The sentence vectors the head reads (tuned encoder, mean pooling, L2 norm), one row per text, without
     * gradients: the "features" of this model's own encoder. Thread-safe.
     */
    public float[][] sentenceVectors(List<String> texts) {
        try (NDManager step = manager.newSubManager(); Autograd.Guard noGrad = Autograd.noGrad()) {
            FrozenBatch batch = frozen(step, texts);
            NDArray hidden = tuned.forward(batch.hidden(), batch.attentionBias());
            return rows(SentencePooling.meanNormalized(hidden, batch.mask()));
        }
    }

    /** Logits of {@code texts}, one row per text, without gradients. */
    public float[][] predict(List<String> texts) {
        try (NDManager step = manager.newSubManager(); Autograd.Guard noGrad = Autograd.noGrad()) {
            return rows(logits(frozen(step, texts)));
        }
    }

    /** Logits of {@code examples} with their frozen layers from {@code cache}, without gradients. */
    public float[][] predict(ActivationCache cache, List<LabeledText> examples) {
        checkCache(cache);
        try (NDManager step = manager.newSubManager(); Autograd.Guard noGrad = Autograd.noGrad()) {
            return rows(logits(cache.batch(step, examples)));
        }
    }

    /** The trainable tensors, strategy, head shape and labels: all it takes to rebuild this model on the base. */
    public TrainableWeights export() {
        List<FloatTensor> tensors = new ArrayList<>();
        tuned.parameters().forEach(
                (name, array) -> tensors.add(new FloatTensor(name, dims(array), array.toFloatArray())));
        tensors.addAll(head.tensors());
        return new TrainableWeights(strategy, head.config(), head.labels(), tensors);
    }

    /** Checks that {@code cache} holds this model's frozen-layer output. */
    void checkCache(ActivationCache cache) {
        if (cache.layer() != tuned.first()) {
            throw new IllegalArgumentException("cache holds the input of layer " + cache.layer() + ", "
                    + strategy.label() + " needs layer " + tuned.first());
        }
    }

    NDManager manager() {
        return manager;
    }

    TunedLayers tuned() {
        return tuned;
    }

    MlpHead head() {
        return head;
    }

    private void trainHead() {
        for (NDArray parameter : head.parameters()) {
            if (!parameter.hasGradient()) {
                parameter.setRequiresGradient(true);
            }
        }
    }

    private static void checkHead(MiniLmEncoder base, HeadConfig head, List<String> labels) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a classifier needs at least one label");
        }
        if (head.inputDim() != base.config().hidden()) {
            throw new IllegalArgumentException("head input " + head.inputDim()
                    + " differs from the encoder's hidden size " + base.config().hidden());
        }
        if (head.dropout() != 0f) {
            throw new IllegalArgumentException("a fine-tuned head trains without dropout, was " + head.dropout());
        }
    }

    private static int[] dims(NDArray array) {
        return Arrays.stream(array.getShape().getShape()).mapToInt(Math::toIntExact).toArray();
    }

    private static float[][] rows(NDArray logits) {
        int rows = (int) logits.getShape().get(0);
        int cols = (int) logits.getShape().get(1);
        float[] flat = logits.toFloatArray();
        float[][] out = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * cols, out[r], 0, cols);
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
