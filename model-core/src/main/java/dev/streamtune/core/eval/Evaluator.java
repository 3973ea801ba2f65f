package dev.streamtune.core.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scores top-1 predictions against true labels. */
public final class Evaluator {

    private Evaluator() {}

    /**
     * Overall and per-class accuracy of {@code predicted} against {@code actual} (same order, same size).
     *
     * @throws IllegalArgumentException when the lists differ in size
     */
    public static EvaluationResult score(List<String> actual, List<String> predicted) {
        if (actual.size() != predicted.size()) {
            throw new IllegalArgumentException(actual.size() + " true labels but " + predicted.size() + " predictions");
        }
        Map<String, int[]> tallies = new LinkedHashMap<>();
        int correct = 0;
        for (int i = 0; i < actual.size(); i++) {
            int[] t = tallies.computeIfAbsent(actual.get(i), k -> new int[2]);
            t[0]++;
            if (actual.get(i).equals(predicted.get(i))) {
                t[1]++;
                correct++;
            }
        }
        List<ClassAccuracy> perClass = new ArrayList<>();
        tallies.forEach((label, t) -> perClass.add(new ClassAccuracy(label, t[0], t[1])));
        return new EvaluationResult(actual.size(), correct, perClass);
    }
}
