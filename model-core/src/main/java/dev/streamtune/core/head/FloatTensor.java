package dev.streamtune.core.head;

import java.util.Arrays;

/**
 * A named float32 tensor held on the Java heap, row-major: the exchange form between the head, snapshots and
 * weights artifacts.
 *
 * @param name tensor name, e.g. {@code output.weight}
 * @param shape dimensions; an empty shape is a scalar
 * @param data {@code product(shape)} values, row-major
 */
public record FloatTensor(String name, int[] shape, float[] data) {

    public FloatTensor {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("tensor name is required");
        }
        long elements = elementCount(shape);
        if (data == null || data.length != elements) {
            throw new IllegalArgumentException("tensor '" + name + "' of shape " + Arrays.toString(shape) + " needs "
                    + elements + " values, got " + (data == null ? "none" : data.length));
        }
        shape = shape.clone();
    }

    /** Number of elements of a tensor of this shape; rejects negative dimensions. */
    public static long elementCount(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatTensor t && name.equals(t.name) && Arrays.equals(shape, t.shape)
                && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "FloatTensor[" + name + " " + Arrays.toString(shape) + "]";
    }
}
