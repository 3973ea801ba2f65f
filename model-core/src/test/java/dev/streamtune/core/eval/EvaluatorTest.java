package dev.streamtune.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    @Test
    void scoresOverallAndPerClassAccuracy() {
        EvaluationResult r = Evaluator.score(List.of("cat", "cat", "dog", "dog", "dog", "owl"),
                List.of("cat", "dog", "dog", "dog", "cat", "owl"));
        assertEquals(6, r.total());
        assertEquals(4, r.correct());
        assertEquals(4 / 6.0, r.accuracy(), 1e-12);
        assertEquals(0.5, r.forLabel("cat").orElseThrow().accuracy(), 1e-12);
        assertEquals(2 / 3.0, r.forLabel("dog").orElseThrow().accuracy(), 1e-12);
        assertEquals((0.5 + 2 / 3.0 + 1.0) / 3, r.meanClassAccuracy(), 1e-12);
        assertEquals(List.of("cat", "dog", "owl"), r.perClass().stream().map(ClassAccuracy::label).toList());
    }

    @Test
    void emptySetHasNoAccuracyAndMismatchedListsAreRejected() {
        assertTrue(Double.isNaN(Evaluator.score(List.of(), List.of()).accuracy()));
        assertThrows(IllegalArgumentException.class, () -> Evaluator.score(List.of("a"), List.of()));
    }
}
