package dev.streamtune.core.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A trainable text classifier on a shared pretrained {@link MiniLmEncoder}: frozen lower layers, the layers its
 * {@link FineTuneStrategy} tunes, mean pooling + L2 norm, and a linear head over its labels that grows when a new
 * label is added.
 *
 * <p>It owns only its trainable arrays (on its own manager); the base encoder must outlive it. Training goes
 * through a {@link FineTuner}. Not thread-safe while training; {@link #predict} may run concurrently with other
 * predictions.
 */
public final class TextClassifier implements AutoCloseable {

    private final MiniLmEncoder base;
    private final FineTuneStrategy strategy;
    private final NDManager manager;
    private final TunedLayers tuned;
    private final ClassifierHead head;
    private final List<String> labels;

    private TextClassifier(MiniLmEncoder base, FineTuneStrategy strategy, NDManager manager, TunedLayers tuned,
            ClassifierHead head, List<String> labels) {
        this.base = base;
        this.strategy = strategy;
        this.manager = manager;
        this.tuned = tuned;
        this.head = head;
        this.labels = new ArrayList<>(labels);
    }

    /**
     * A new classifier for {@code labels} (at least one, no duplicates): pretrained encoder, adapters at their
     * start values, zero head. {@code seed} fixes the random adapter initialisation.
     */
    public static TextClassifier create(MiniLmEncoder base, FineTuneStrategy strategy, List<String> labels, long seed) {
        checkLabels(labels);
        NDManager manager = base.newModelManager();
        try {
            TunedLayers tuned = TunedLayers.create(base, strategy, manager, new Random(seed));
            int dim = base.config().hidden();
            ClassifierHead head = new ClassifierHead(manager, dim, new float[labels.size() * dim], new float[labels.size()]);
            return new TextClassifier(base, strategy, manager, tuned, head, labels);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * The classifier {@code weights} describe, on {@code base}.
     *
     * @throws IllegalArgumentException when a tensor is missing, misshapen, or not part of the strategy
     */
    public static TextClassifier rebuild(MiniLmEncoder base, TrainableWeights weights) {
        checkLabels(weights.labels());
        Map<String, FloatTensor> tensors = weights.tensors();
        String source = "weights for " + weights.strategy().label();
        int dim = base.config().hidden();
        BertConfig.checkShape(tensors, ClassifierHead.WEIGHT, new long[] {weights.labels().size(), dim}, source);
        BertConfig.checkShape(tensors, ClassifierHead.BIAS, new long[] {weights.labels().size()}, source);
        Map<String, Shape> expected = TunedLayers.trainableShapes(base.config(), weights.strategy());
        for (String name : tensors.keySet()) {
            if (!expected.containsKey(name) && !name.equals(ClassifierHead.WEIGHT) && !name.equals(ClassifierHead.BIAS)) {
                throw new IllegalArgumentException(source + ": unexpected tensor " + name);
            }
        }
        NDManager manager = base.newModelManager();
        try {
            TunedLayers tuned = TunedLayers.restore(base, weights.strategy(), manager, tensors);
            ClassifierHead head = new ClassifierHead(manager, dim, tensors.get(ClassifierHead.WEIGHT).values(),
                    tensors.get(ClassifierHead.BIAS).values());
            return new TextClassifier(base, weights.strategy(), manager, tuned, head, weights.labels());
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
        return List.copyOf(labels);
    }

    /** Class index of {@code label}, adding it (and growing the head) when new. */
    public int classIndex(String label) {
        int index = labels.indexOf(label);
        if (index >= 0) {
            return index;
        }
        labels.add(label);
        head.ensureClasses(labels.size());
        return labels.size() - 1;
    }

    /** Trainable values: tuned encoder tensors and head. */
    public long trainableParameterCount() {
        long count = head.weight().size() + head.bias().size();
        for (NDArray array : tuned.parameters().values()) {
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
        return head.apply(SentencePooling.meanNormalized(hidden, batch.mask()));
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

    /** The trainable tensors, strategy and labels: everything needed to rebuild this model on the same base. */
    public TrainableWeights export() {
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        tuned.parameters().forEach((name, array) -> tensors.put(name, tensor(array)));
        tensors.put(ClassifierHead.WEIGHT, tensor(head.weight()));
        tensors.put(ClassifierHead.BIAS, tensor(head.bias()));
        return new TrainableWeights(strategy, labels, tensors);
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

    ClassifierHead head() {
        return head;
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

    private static FloatTensor tensor(NDArray array) {
        return new FloatTensor(array.getShape().getShape(), array.toFloatArray());
    }

    private static void checkLabels(List<String> labels) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a classifier needs at least one label");
        }
        if (labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("labels must be distinct: " + labels);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
