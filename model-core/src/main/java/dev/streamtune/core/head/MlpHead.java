package dev.streamtune.core.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.streamtune.core.random.SplitMix64;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A trainable MLP head on the PyTorch engine whose output layer grows when new labels appear.
 *
 * <p>Growth appends one output row (weight row and bias) per new label: existing rows are copied unchanged, so
 * old classes keep exactly their weights; new weight rows are drawn like PyTorch's {@code nn.Linear} default
 * ({@code U(-1/sqrt(in), 1/sqrt(in))}) and new biases start at 0. The label map lives with the weights.
 *
 * <p>Owns its NDArrays (a sub-manager of the given parent) and must be closed. Not thread-safe.
 */
public final class MlpHead implements AutoCloseable {

    private final HeadConfig config;
    private final LabelIndex labels;
    private final NDManager manager;
    private final List<NDArray> parameters;

    private MlpHead(HeadConfig config, LabelIndex labels, NDManager manager, List<NDArray> parameters) {
        this.config = config;
        this.labels = labels;
        this.manager = manager;
        this.parameters = parameters;
    }

    /** A freshly initialised head with {@code initialLabels} (possibly none) as its first classes. */
    public static MlpHead create(HeadConfig config, List<String> initialLabels, SplitMix64 random, NDManager parent) {
        LabelIndex labels = new LabelIndex(initialLabels);
        HeadLayout layout = config.layout(labels.size());
        NDManager manager = parent.newSubManager();
        List<NDArray> parameters = new ArrayList<>();
        List<int[]> shapes = layout.shapes();
        for (int i = 0; i < shapes.size(); i += 2) {
            int[] w = shapes.get(i);
            parameters.add(manager.create(uniform(w[0], w[1], random), new Shape(w[0], w[1])));
            parameters.add(manager.zeros(new Shape(w[0])));
        }
        return new MlpHead(config, labels, manager, parameters);
    }

    /**
     * A head holding exactly {@code tensors} (layout order) for {@code labels}.
     *
     * @throws IllegalArgumentException when the tensors do not match the layout for these labels
     */
    public static MlpHead fromTensors(HeadConfig config, List<String> labels, List<FloatTensor> tensors, NDManager parent) {
        LabelIndex index = new LabelIndex(labels);
        String mismatch = config.layout(index.size()).mismatch(tensors);
        if (mismatch != null) {
            throw new IllegalArgumentException("tensors do not fit the head: " + mismatch);
        }
        NDManager manager = parent.newSubManager();
        List<NDArray> parameters = new ArrayList<>();
        for (FloatTensor t : tensors) {
            parameters.add(manager.create(t.data(), shapeOf(t.shape())));
        }
        return new MlpHead(config, index, manager, parameters);
    }

    public HeadConfig config() {
        return config;
    }

    /** The current layout (classes = labels learned so far). */
    public HeadLayout layout() {
        return config.layout(labels.size());
    }

    /** Labels in class-index order. */
    public List<String> labels() {
        return labels.labels();
    }

    /** Class index of {@code label}, or -1 when the head does not know it. */
    public int classIndex(String label) {
        return labels.indexOf(label);
    }

    public int numClasses() {
        return labels.size();
    }

    /**
     * Adds the labels of {@code candidates} the head does not know yet, in order of first appearance, growing
     * the output layer by one row each.
     *
     * @return the labels added (empty when all were known)
     */
    public List<String> grow(List<String> candidates, SplitMix64 random) {
        List<String> added = new ArrayList<>();
        for (String label : new LinkedHashSet<>(candidates)) {
            LabelIndex.requireValid(label, "new label");
            if (labels.indexOf(label) < 0) {
                added.add(label);
            }
        }
        if (added.isEmpty()) {
            return added;
        }
        int w = parameters.size() - 2;
        NDArray weight = parameters.get(w);
        NDArray bias = parameters.get(w + 1);
        int in = (int) weight.getShape().get(1);
        int k = added.size();
        try (NDManager scratch = manager.newSubManager()) {
            NDArray rows = scratch.create(uniform(k, in, random), new Shape(k, in));
            NDArray newWeight = weight.concat(rows, 0);
            NDArray newBias = bias.concat(scratch.zeros(new Shape(k)), 0);
            newWeight.attach(manager);
            newBias.attach(manager);
            parameters.set(w, newWeight);
            parameters.set(w + 1, newBias);
        }
        weight.close();
        bias.close();
        added.forEach(labels::add);
        return added;
    }

    /** The live parameter arrays in layout order; optimizers update them in place. */
    public List<NDArray> parameters() {
        return Collections.unmodifiableList(parameters);
    }

    /** A scratch manager for one step's arrays; close it after the step. */
    public NDManager newScratchManager() {
        return manager.newSubManager();
    }

    /** Softmax probabilities {@code [rows][classes]} without dropout. */
    public float[][] probabilities(float[][] features) {
        if (labels.size() == 0) {
            throw new IllegalStateException("the head has no classes yet");
        }
        float[] flat = FeatureVectors.flatten(features, config.inputDim());
        try (NDManager scratch = manager.newSubManager()) {
            NDArray x = scratch.create(flat, new Shape(features.length, config.inputDim()));
            float[] p = MlpMath.logits(parameters, x).softmax(1).toFloatArray();
            return rows(p, features.length, labels.size());
        }
    }

    /** Copies of the parameters as heap tensors, named and ordered by {@link HeadLayout}. */
    public List<FloatTensor> tensors() {
        List<String> names = layout().tensorNames();
        List<FloatTensor> out = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            NDArray p = parameters.get(i);
            long[] dims = p.getShape().getShape();
            int[] shape = new int[dims.length];
            for (int d = 0; d < dims.length; d++) {
                shape[d] = (int) dims[d];
            }
            out.add(new FloatTensor(names.get(i), shape, p.toFloatArray()));
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }

    static float[][] rows(float[] flat, int rows, int columns) {
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = java.util.Arrays.copyOfRange(flat, r * columns, (r + 1) * columns);
        }
        return out;
    }

    static Shape shapeOf(int[] dims) {
        long[] s = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            s[i] = dims[i];
        }
        return new Shape(s);
    }

    private static float[] uniform(int rows, int columns, SplitMix64 random) {
        float bound = (float) (1.0 / Math.sqrt(columns));
        float[] values = new float[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = (2f * random.nextFloat() - 1f) * bound;
        }
        return values;
    }
}
