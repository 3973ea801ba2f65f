package dev.streamtune.core.image;

/** Splits a batch's flat feature output into rows and refuses non-finite values. */
final class FeatureRows {

    private FeatureRows() {}

    /**
     * Copies {@code n} equal rows of {@code flat} into {@code out[offset..offset+n)}.
     *
     * @throws IllegalStateException when a value is NaN or infinite (naming the input), or the size does not divide
     */
    static void split(float[] flat, int n, int offset, float[][] out) {
        if (n == 0 || flat.length % n != 0) {
            throw new IllegalStateException("model output of " + flat.length + " values does not split into " + n + " rows");
        }
        int dimension = flat.length / n;
        for (int i = 0; i < n; i++) {
            float[] row = new float[dimension];
            System.arraycopy(flat, i * dimension, row, 0, dimension);
            for (int j = 0; j < dimension; j++) {
                if (!Float.isFinite(row[j])) {
                    throw new IllegalStateException("backbone produced " + row[j] + " in feature " + j + " of input "
                            + (offset + i));
                }
            }
            out[offset + i] = row;
        }
    }
}
