package dev.streamtune.core.bert;

import java.util.Arrays;

/**
 * A named-tensor value: a row-major block of float32 values with its shape. The unit of weight exchange in this
 * package (read from ONNX, exported for a weights artifact, loaded into NDArrays).
 *
 * <p>The arrays are not copied: treat an instance as immutable once built. {@link #equals} compares contents.
 *
 * @param shape dimensions, each at least 1 (an empty shape is a scalar)
 * @param values {@code product(shape)} values in row-major order
 */
public record FloatTensor(long[] shape, float[] values) {

    public FloatTensor {
        if (shape == null || values == null) {
            throw new IllegalArgumentException("shape and values must be set");
        }
        long size = 1;
        for (long d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a dimension below 1");
            }
            size = Math.multiplyExact(size, d);
        }
        if (size != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size + " values, got "
                    + values.length);
        }
    }

    /** Number of values. */
    public int size() {
        return values.length;
    }

    /** Bytes the values take as float32. */
    public long byteSize() {
        return 4L * values.length;
    }

    /** Whether the shape equals {@code dims}. */
    public boolean hasShape(long... dims) {
        return Arrays.equals(shape, dims);
    }

    /** The transpose of a matrix: {@code [rows, cols]} becomes {@code [cols, rows]}. */
    public FloatTensor transpose() {
        if (shape.length != 2) {
            throw new IllegalStateException("only a matrix can be transposed, shape is " + Arrays.toString(shape));
        }
        int rows = (int) shape[0];
        int cols = (int) shape[1];
        float[] out = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = values[r * cols + c];
            }
        }
        return new FloatTensor(new long[] {cols, rows}, out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FloatTensor t && Arrays.equals(shape, t.shape) && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FloatTensor" + Arrays.toString(shape);
    }
}
