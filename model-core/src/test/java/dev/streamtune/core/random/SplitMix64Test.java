package dev.streamtune.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitMix64Test {

    @Test
    void matchesTheReferenceSequenceForSeedZero() {
        SplitMix64 random = new SplitMix64(0);
        assertEquals(0xe220a8397b1dcdafL, random.nextLong());
        assertEquals(0x6e789e6aa1b965f4L, random.nextLong());
        assertEquals(0x06c45d188009454fL, random.nextLong());
    }

    @Test
    void continuesExactlyFromARestoredState() {
        SplitMix64 original = new SplitMix64(42);
        for (int i = 0; i < 17; i++) {
            original.nextLong();
        }
        SplitMix64 restored = new SplitMix64(original.state());
        for (int i = 0; i < 100; i++) {
            assertEquals(original.nextLong(), restored.nextLong());
        }
    }

    @Test
    void boundedDrawsStayInRangeAndCoverIt() {
        SplitMix64 random = new SplitMix64(7);
        int[] hits = new int[7];
        for (int i = 0; i < 70_000; i++) {
            hits[random.nextInt(7)]++;
        }
        for (int h : hits) {
            assertTrue(h > 9_000 && h < 11_000, "roughly uniform: " + h);
        }
        for (int i = 0; i < 1000; i++) {
            float f = random.nextFloat();
            assertTrue(f >= 0f && f < 1f);
        }
    }

    @Test
    void rejectsNonPositiveBound() {
        assertThrows(IllegalArgumentException.class, () -> new SplitMix64(1).nextInt(0));
    }

    @Test
    void forkedStreamsDiffer() {
        SplitMix64 parent = new SplitMix64(3);
        assertNotEquals(parent.fork().nextLong(), parent.fork().nextLong());
    }

    @Test
    void shuffleIsAPermutationAndSeeded() {
        List<Integer> a = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        List<Integer> b = new ArrayList<>(a);
        new SplitMix64(5).shuffle(a);
        new SplitMix64(5).shuffle(b);
        assertEquals(a, b);
        assertEquals(45, a.stream().mapToInt(Integer::intValue).sum());
        assertNotEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), a);
    }
}
