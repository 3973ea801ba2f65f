package dev.streamtune.core.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void textsRangeFromAFewWordsToPastTheTokenLimit() {
        List<Integer> words = WarmUp.TEXTS.stream().map(t -> t.split(" ").length).toList();
        assertEquals(2, words.get(0));
        assertTrue(words.get(words.size() - 1) > 128, "longest warm-up text has " + words.get(words.size() - 1) + " words");
        WarmUp.TEXTS.forEach(t -> assertFalse(t.isBlank()));
    }

    @Test
    void scratchLearnerLearnsEvaluatesSnapshotsAndExports() {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < WarmUp.TEXTS.size(); i++) {
            float[] f = new float[8];
            f[i % 8] = 1;
            examples.add(Example.of("warm-up-" + i, f, WarmUp.LABELS.get(i % WarmUp.LABELS.size())));
        }
        WarmUp.learner(LearnerConfig.defaults(8), examples, 3); // throws if any step fails
    }
}
