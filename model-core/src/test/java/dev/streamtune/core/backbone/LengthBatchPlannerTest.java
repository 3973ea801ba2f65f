package dev.streamtune.core.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LengthBatchPlannerTest {

    private static List<String> texts(int... chars) {
        List<String> out = new ArrayList<>();
        for (int c : chars) {
            out.add("x".repeat(c));
        }
        return out;
    }

    private static void assertEveryIndexOnce(List<int[]> plan, int n, int maxBatch) {
        int[] seen = new int[n];
        for (int[] chunk : plan) {
            assertTrue(chunk.length >= 1 && chunk.length <= maxBatch, "chunk of " + chunk.length);
            for (int i : chunk) {
                seen[i]++;
            }
        }
        int[] once = new int[n];
        Arrays.fill(once, 1);
        assertArrayEquals(once, seen);
    }

    @Test
    void separatesShortFromLongTextsWhenPaddingCostsMoreThanACall() {
        // six short texts (~4 tokens) and two long ones (~100 tokens), interleaved
        List<String> texts = texts(8, 400, 8, 8, 400, 8, 8, 8);
        List<int[]> plan = new LengthBatchPlanner(32, 128, 48).plan(texts);
        assertEquals(2, plan.size());
        assertEveryIndexOnce(plan, texts.size(), 32);
        for (int[] chunk : plan) {
            int len = texts.get(chunk[0]).length();
            for (int i : chunk) {
                assertEquals(len, texts.get(i).length(), "a chunk mixes lengths: " + Arrays.toString(chunk));
            }
        }
    }

    @Test
    void keepsOneCallWhenTheOverheadOutweighsThePadding() {
        List<String> texts = texts(40, 44, 48, 52);
        List<int[]> plan = new LengthBatchPlanner(32, 128, 48).plan(texts);
        assertEquals(1, plan.size());
        assertEveryIndexOnce(plan, 4, 32);
    }

    @Test
    void neverExceedsTheBatchSizeAndCoversEveryText() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            int n = 1 + random.nextInt(200);
            int[] chars = new int[n];
            for (int i = 0; i < n; i++) {
                chars[i] = 1 + random.nextInt(600);
            }
            int maxBatch = 1 + random.nextInt(40);
            assertEveryIndexOnce(new LengthBatchPlanner(maxBatch, 128, random.nextInt(100)).plan(texts(chars)), n, maxBatch);
        }
    }

    @Test
    void withoutGroupingKeepsInputOrderInConsecutiveBatches() {
        List<int[]> plan = new LengthBatchPlanner(3, 128, Integer.MAX_VALUE).plan(texts(9, 1, 500, 2, 7));
        assertEquals(2, plan.size());
        assertArrayEquals(new int[] {0, 1, 2}, plan.get(0));
        assertArrayEquals(new int[] {3, 4}, plan.get(1));
    }

    @Test
    void estimatesCapAtTheMaximumLengthAndCountSpecialTokens() {
        LengthBatchPlanner planner = new LengthBatchPlanner(32, 128, 48);
        assertEquals(3, planner.estimateTokens("a"));
        assertEquals(128, planner.estimateTokens("y".repeat(5000)));
        assertTrue(new LengthBatchPlanner(4, 16, 0).plan(List.of()).isEmpty());
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new LengthBatchPlanner(0, 128, 48));
        assertThrows(IllegalArgumentException.class, () -> new LengthBatchPlanner(8, 0, 48));
        assertThrows(IllegalArgumentException.class, () -> new LengthBatchPlanner(8, 128, -1));
        assertThrows(IllegalArgumentException.class, () -> TextEncoderOptions.defaults().withCallOverheadRows(-1));
    }
}
