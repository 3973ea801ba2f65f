package dev.streamtune.core.learn;

import dev.streamtune.core.eval.EvaluationResult;
import dev.streamtune.core.eval.Evaluator;
import dev.streamtune.core.eval.HoldoutSet;
import dev.streamtune.core.head.MlpHead;
import dev.streamtune.core.head.TopK;
import dev.streamtune.core.replay.EmbeddingStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Top-1 accuracy of a head on labelled features, in chunks so large sets need little native memory. */
final class HeadScoring {

    private static final int CHUNK = 1024;

    private HeadScoring() {}

    /** Accuracy on the samples stored in {@code holdout}. */
    static EvaluationResult holdout(MlpHead head, HoldoutSet holdout) {
        EmbeddingStore store = holdout.contents();
        List<String> labels = head.labels();
        float[][] features = new float[store.size()][];
        List<String> actual = new ArrayList<>(store.size());
        for (int i = 0; i < store.size(); i++) {
            features[i] = store.features(i);
            actual.add(labels.get(store.label(i)));
        }
        return score(head, features, actual);
    }

    /** Accuracy of {@code head} on {@code features} labelled {@code actual}; unknown labels count as wrong. */
    static EvaluationResult score(MlpHead head, float[][] features, List<String> actual) {
        List<String> labels = head.labels();
        List<String> predicted = new ArrayList<>(features.length);
        for (int start = 0; start < features.length; start += CHUNK) {
            float[][] chunk = Arrays.copyOfRange(features, start, Math.min(features.length, start + CHUNK));
            if (labels.isEmpty()) {
                predicted.addAll(Collections.nCopies(chunk.length, ""));
                continue;
            }
            for (float[] row : head.probabilities(chunk)) {
                predicted.add(labels.get(TopK.argmax(row)));
            }
        }
        return Evaluator.score(actual, predicted);
    }
}
