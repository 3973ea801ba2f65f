package dev.streamtune.core.head;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An immutable, thread-safe predictor for a trained head: features in, top-k labels with probabilities out.
 *
 * <p>The weights are loaded once into its own NDManager; every call computes in a short-lived sub-manager, so
 * any number of threads may call {@link #predict} at once. {@link #close()} waits for calls in flight, then frees
 * the weights; later calls fail with {@link IllegalStateException}.
 */
public final class HeadPredictor implements AutoCloseable {

    private final HeadLayout layout;
    private final List<String> labels;
    private final NDManager manager;
    private final List<NDArray> parameters;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private HeadPredictor(HeadLayout layout, List<String> labels, NDManager manager, List<NDArray> parameters) {
        this.layout = layout;
        this.labels = labels;
        this.manager = manager;
        this.parameters = parameters;
    }

    /**
     * A predictor for {@code tensors} on the CPU.
     *
     * @throws IllegalArgumentException when there are no labels, the label count differs from the layout's
     *     classes, or the tensors do not match the layout
     */
    public static HeadPredictor create(HeadLayout layout, List<String> labels, List<FloatTensor> tensors) {
        return create(layout, labels, tensors, Device.cpu());
    }

    /** A predictor for {@code tensors} on {@code device}; see {@link #create(HeadLayout, List, List)}. */
    public static HeadPredictor create(HeadLayout layout, List<String> labels, List<FloatTensor> tensors, Device device) {
        List<String> labelList = new LabelIndex(labels).labels();
        if (labelList.isEmpty() || labelList.size() != layout.numClasses()) {
            throw new IllegalArgumentException("predictor needs one label per class: " + labelList.size()
                    + " labels for " + layout.numClasses() + " classes");
        }
        String mismatch = layout.mismatch(tensors);
        if (mismatch != null) {
            throw new IllegalArgumentException("tensors do not fit the layout: " + mismatch);
        }
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        List<NDArray> parameters = new ArrayList<>();
        for (FloatTensor t : tensors) {
            parameters.add(manager.create(t.data(), MlpHead.shapeOf(t.shape())));
        }
        return new HeadPredictor(layout, labelList, manager, List.copyOf(parameters));
    }

    public HeadLayout layout() {
        return layout;
    }

    /** Labels in class-index order. */
    public List<String> labels() {
        return labels;
    }

    /**
     * The {@code topK} most probable labels per row, most probable first.
     *
     * @param features rows of length {@code layout().inputDim()}, finite values
     * @param topK at least 1; more than the number of classes returns all classes
     * @throws IllegalArgumentException for empty input, a row of the wrong dimension or with NaN/infinite values
     */
    public List<List<ScoredLabel>> predict(float[][] features, int topK) {
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1, got " + topK);
        }
        float[][] probabilities = probabilities(features);
        List<List<ScoredLabel>> out = new ArrayList<>(probabilities.length);
        for (float[] row : probabilities) {
            out.add(TopK.of(row, labels, topK));
        }
        return out;
    }

    /** Softmax probabilities {@code [rows][classes]}. */
    public float[][] probabilities(float[][] features) {
        float[] flat = FeatureVectors.flatten(features, layout.inputDim());
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("predictor is closed");
            }
            try (NDManager call = manager.newSubManager()) {
                NDArray x = call.create(flat, new Shape(features.length, layout.inputDim()));
                float[] p = MlpMath.logits(parameters, x).softmax(1).toFloatArray();
                return MlpHead.rows(p, features.length, labels.size());
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Waits for calls in flight, then frees the weights. Idempotent. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                manager.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
