package dev.streamtune.core.image;

import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Labelled training or test examples held as one flat float array, ready to be cut into batches.
 *
 * @param data {@code size() * sampleShape.size()} values, example after example
 * @param labels one class index per example
 * @param sampleShape shape of one example, e.g. {@code (1, 28, 28)} for an image or {@code (128)} for features
 */
public record TensorSet(float[] data, int[] labels, Shape sampleShape) {

    /** Validates that data and labels describe the same number of examples. */
    public TensorSet {
        if ((long) labels.length * sampleShape.size() != data.length) {
            throw new IllegalArgumentException(labels.length + " labels of shape " + sampleShape + " need "
                    + labels.length * sampleShape.size() + " values, got " + data.length);
        }
    }

    /** Images preprocessed into normalised CHW tensors (the images must have the preprocessing's size). */
    public static TensorSet fromImages(LabeledImages images, ImagePreprocessor preprocessor) {
        ImagePreprocessing settings = preprocessor.settings();
        if (images.rows() != settings.height() || images.cols() != settings.width()) {
            throw new IllegalArgumentException("images are " + images.rows() + "x" + images.cols()
                    + " but the preprocessing expects " + settings.height() + "x" + settings.width());
        }
        int length = settings.inputLength();
        float[] data = new float[images.size() * length];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(preprocessor.fromGrayBytes(images.pixels(), images.offset(i)), 0, data, i * length, length);
        }
        return new TensorSet(data, images.labels().clone(),
                new Shape(settings.channels(), settings.height(), settings.width()));
    }

    /** Feature vectors (all of one length) with their labels. */
    public static TensorSet fromRows(float[][] rows, int[] labels) {
        int dimension = rows.length == 0 ? 0 : rows[0].length;
        float[] data = new float[rows.length * dimension];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, data, i * dimension, dimension);
        }
        return new TensorSet(data, labels.clone(), new Shape(dimension));
    }

    /** Number of examples. */
    public int size() {
        return labels.length;
    }

    /** Values per example. */
    public int sampleLength() {
        return (int) sampleShape.size();
    }

    /** Number of classes: one more than the largest label. */
    public int classCount() {
        return Arrays.stream(labels).max().orElse(-1) + 1;
    }

    /** Shape of a batch of {@code n} examples. */
    public Shape batchShape(int n) {
        long[] dims = new long[sampleShape.dimension() + 1];
        dims[0] = n;
        System.arraycopy(sampleShape.getShape(), 0, dims, 1, sampleShape.dimension());
        return new Shape(dims);
    }

    /** The values of the examples at {@code indices[from..from+n)}, in that order. */
    public float[] gather(int[] indices, int from, int n) {
        int length = sampleLength();
        float[] batch = new float[n * length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data, indices[from + i] * length, batch, i * length, length);
        }
        return batch;
    }
}
