package dev.streamtune.core.eval;

/**
 * Accuracy on the samples of one true class.
 *
 * @param label the class
 * @param total samples of this class evaluated
 * @param correct of those, predicted as this class
 */
public record ClassAccuracy(String label, int total, int correct) {

    /** {@code correct / total}, or NaN when no sample of the class was evaluated. */
    public double accuracy() {
        return total == 0 ? Double.NaN : (double) correct / total;
    }
}
