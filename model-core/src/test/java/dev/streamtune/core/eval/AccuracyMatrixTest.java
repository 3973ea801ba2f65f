package dev.streamtune.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AccuracyMatrixTest {

    /** a[i][j] after experience i on experience j; the expected figures are worked out by hand. */
    private static AccuracyMatrix example() {
        double[][] a = {{0.9, 0.0, 0.0}, {0.6, 0.8, 0.0}, {0.5, 0.7, 0.9}};
        AccuracyMatrix m = new AccuracyMatrix(3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m.set(i, j, a[i][j]);
            }
        }
        return m;
    }

    @Test
    void averageAccuracyCoversTheExperiencesSeenSoFar() {
        AccuracyMatrix m = example();
        assertEquals(0.9, m.averageAccuracy(0), 1e-12);
        assertEquals(0.7, m.averageAccuracy(1), 1e-12);
        assertEquals(0.7, m.finalAverageAccuracy(), 1e-12);
    }

    @Test
    void forgettingIsTheDropFromTheBestEarlierAccuracy() {
        AccuracyMatrix m = example();
        assertEquals(0.0, m.forgetting(0), 1e-12);
        assertEquals(0.3, m.forgetting(1), 1e-12);
        assertEquals((0.4 + 0.1) / 2, m.finalForgetting(), 1e-12);
    }

    @Test
    void backwardTransferComparesFinalWithJustLearnedAccuracy() {
        assertEquals(((0.5 - 0.9) + (0.7 - 0.8)) / 2, example().backwardTransfer(), 1e-12);
        AccuracyMatrix single = new AccuracyMatrix(1);
        single.set(0, 0, 0.8);
        assertEquals(0.0, single.backwardTransfer());
    }

    @Test
    void forgettingUsesTheBestNotTheFirstAccuracy() {
        AccuracyMatrix m = new AccuracyMatrix(3);
        double[][] a = {{0.5, 0, 0}, {0.8, 0.9, 0}, {0.6, 0.9, 0.7}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m.set(i, j, a[i][j]);
            }
        }
        assertEquals(((0.8 - 0.6) + (0.9 - 0.9)) / 2, m.finalForgetting(), 1e-12);
    }

    @Test
    void rejectsAccuracyOutsideZeroToOne() {
        AccuracyMatrix m = new AccuracyMatrix(2);
        assertThrows(IllegalArgumentException.class, () -> m.set(0, 0, 1.2));
        assertThrows(IllegalArgumentException.class, () -> m.set(0, 0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new AccuracyMatrix(0));
    }
}
