package dev.streamtune.core.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class MeanPoolingTest {

    @Test
    void averagesOnlyTokensTheMaskKeepsThenNormalises() {
        // batch 2, seq 3, dim 2; row 0 keeps tokens 0 and 1, row 1 keeps token 0 only
        float[] hidden = {1, 0, 3, 4, 100, 100, 0, 2, 50, 50, -50, 7};
        long[] mask = {1, 1, 0, 1, 0, 0};

        float[][] pooled = MeanPooling.poolAndNormalize(FloatBuffer.wrap(hidden), mask, 2, 3, 2);

        // row 0: mean (2, 2) -> (0.7071, 0.7071); row 1: (0, 2) -> (0, 1)
        assertArrayEquals(new float[] {(float) Math.sqrt(0.5), (float) Math.sqrt(0.5)}, pooled[0], 1e-6f);
        assertArrayEquals(new float[] {0, 1}, pooled[1], 1e-6f);
    }

    @Test
    void keepsZeroVectorZeroInsteadOfNaN() {
        float[][] pooled = MeanPooling.poolAndNormalize(FloatBuffer.wrap(new float[] {0, 0, 0, 0}), new long[] {1, 1}, 1, 2, 2);

        assertArrayEquals(new float[] {0, 0}, pooled[0]);
    }

    @Test
    void rejectsMaskOfWrongSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MeanPooling.poolAndNormalize(FloatBuffer.wrap(new float[8]), new long[3], 2, 2, 2));

        assertEquals("mask has 3 entries, expected 2 x 2", e.getMessage());
    }

    @Test
    void rejectsHiddenStateOfWrongSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MeanPooling.poolAndNormalize(FloatBuffer.wrap(new float[7]), new long[4], 2, 2, 2));

        assertEquals("hidden state has 7 values, expected 2 x 2 x 2", e.getMessage());
    }
}
