package dev.streamtune.core.head;

/** Checks on feature vectors that every entry point into the head shares. */
public final class FeatureVectors {

    private FeatureVectors() {}

    /**
     * Checks one vector: present, {@code dimension} long, every value finite.
     *
     * @param what names the vector in the error, e.g. "sample 42" or "row 3"
     * @throws IllegalArgumentException naming {@code what} and the offending position
     */
    public static void requireValid(float[] vector, int dimension, String what) {
        if (vector == null) {
            throw new IllegalArgumentException(what + ": features are missing");
        }
        if (vector.length != dimension) {
            throw new IllegalArgumentException(what + ": features have dimension " + vector.length + ", expected "
                    + dimension);
        }
        for (int i = 0; i < vector.length; i++) {
            if (!Float.isFinite(vector[i])) {
                throw new IllegalArgumentException(what + ": feature " + i + " is " + vector[i]
                        + " (NaN and infinite values are rejected)");
            }
        }
    }

    /** Checks every row and returns them concatenated row after row. */
    public static float[] flatten(float[][] rows, int dimension) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("no feature rows given");
        }
        float[] flat = new float[Math.multiplyExact(rows.length, dimension)];
        for (int r = 0; r < rows.length; r++) {
            requireValid(rows[r], dimension, "row " + r);
            System.arraycopy(rows[r], 0, flat, r * dimension, dimension);
        }
        return flat;
    }
}
