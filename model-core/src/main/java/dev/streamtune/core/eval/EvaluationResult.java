package dev.streamtune.core.eval;

import java.util.List;
import java.util.Optional;

/**
 * Accuracy of a model on a labelled set, overall and per true class.
 *
 * @param total samples evaluated
 * @param correct samples whose top-1 prediction was their label
 * @param perClass one entry per true class present, in order of first appearance
 */
public record EvaluationResult(int total, int correct, List<ClassAccuracy> perClass) {

    public EvaluationResult {
        perClass = List.copyOf(perClass);
    }

    /** {@code correct / total}, or NaN for an empty set. */
    public double accuracy() {
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    /** Mean of the per-class accuracies (balanced accuracy), or NaN for an empty set. */
    public double meanClassAccuracy() {
        return perClass.stream().mapToDouble(ClassAccuracy::accuracy).average().orElse(Double.NaN);
    }

    /** The entry of class {@code label}, if it was present. */
    public Optional<ClassAccuracy> forLabel(String label) {
        return perClass.stream().filter(c -> c.label().equals(label)).findFirst();
    }
}
