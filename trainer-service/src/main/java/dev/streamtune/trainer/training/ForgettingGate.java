package dev.streamtune.trainer.training;

import java.util.List;
import java.util.Map;

/**
 * Decides whether a candidate may be published: the mean holdout accuracy over the classes the last published
 * version already knew may not drop by more than {@code maxDrop} (absolute, e.g. 0.05 = 5 points) against that
 * version's figure. The first version always passes.
 */
public record ForgettingGate(double maxDrop) {

    /** The decision and its reason, for the REST status and the logs. */
    public record Decision(boolean publish, double oldClassAccuracy, double previousOldClassAccuracy, String reason) {}

    /**
     * @param previousPerClass per-class accuracy of the last published version ({@code null} when none)
     * @param candidatePerClass per-class accuracy of the candidate on the current holdout
     */
    public Decision decide(Map<String, Double> previousPerClass, Map<String, Double> candidatePerClass) {
        if (previousPerClass == null || previousPerClass.isEmpty()) {
            double acc = mean(candidatePerClass, List.copyOf(candidatePerClass.keySet()));
            return new Decision(true, acc, Double.NaN, "first version");
        }
        List<String> old = List.copyOf(previousPerClass.keySet());
        double before = mean(previousPerClass, old);
        double now = mean(candidatePerClass, old);
        double drop = before - now;
        if (drop > maxDrop) {
            return new Decision(false, now, before, String.format(java.util.Locale.ROOT,
                    "accuracy on known classes fell from %.3f to %.3f (drop %.3f > allowed %.3f)", before, now, drop, maxDrop));
        }
        return new Decision(true, now, before, String.format(java.util.Locale.ROOT,
                "accuracy on known classes %.3f -> %.3f (allowed drop %.3f)", before, now, maxDrop));
    }

    /** Mean forgetting: average over {@code best}'s classes of (best accuracy so far - current accuracy), floored at 0. */
    public static double forgetting(Map<String, Double> best, Map<String, Double> current) {
        if (best.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (Map.Entry<String, Double> e : best.entrySet()) {
            sum += Math.max(0, e.getValue() - current.getOrDefault(e.getKey(), 0.0));
        }
        return sum / best.size();
    }

    private static double mean(Map<String, Double> perClass, List<String> classes) {
        if (classes.isEmpty()) {
            return 0;
        }
        double s = 0;
        for (String c : classes) {
            s += perClass.getOrDefault(c, 0.0);
        }
        return s / classes.size();
    }
}
