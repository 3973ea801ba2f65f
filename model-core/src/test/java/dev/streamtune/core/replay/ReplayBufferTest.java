package dev.streamtune.core.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.core.snapshot.SnapshotFormatException;
import dev.streamtune.core.snapshot.SnapshotFormatException.Reason;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {

    private static float[] vector(int dim, float value) {
        float[] v = new float[dim];
        Arrays.fill(v, value);
        return v;
    }

    @Test
    void keepsEverySampleUntilFull() {
        ReplayBuffer buffer = ReplayBuffer.create(ReplayPolicy.RESERVOIR, 5, 3, 1);
        for (int i = 0; i < 5; i++) {
            assertTrue(buffer.offer("s" + i, vector(3, i), i % 2));
        }
        assertEquals(5, buffer.size());
        assertArrayEquals(new float[] {4f, 4f, 4f}, buffer.contents().features(4));
        assertArrayEquals(new int[] {3, 2}, buffer.classCounts());
    }

    @Test
    void reservoirKeepsEachOfferWithEqualProbability() {
        int capacity = 100;
        int stream = 10_000;
        int runs = 200;
        long[] keptPerDecile = new long[10];
        for (int run = 0; run < runs; run++) {
            ReplayBuffer buffer = ReplayBuffer.create(ReplayPolicy.RESERVOIR, capacity, 1, run);
            for (int i = 0; i < stream; i++) {
                buffer.offer("s" + i, new float[] {i}, 0);
            }
            for (int slot = 0; slot < buffer.size(); slot++) {
                keptPerDecile[(int) buffer.contents().features(slot)[0] / (stream / 10)]++;
            }
        }
        double expected = runs * capacity / 10.0;
        for (long kept : keptPerDecile) {
            assertTrue(Math.abs(kept - expected) < 0.1 * expected, "each decile kept ~" + expected + ": " + Arrays.toString(keptPerDecile));
        }
    }

    @Test
    void classBalancedEqualisesClassesArrivingOneAfterAnother() {
        ReplayBuffer buffer = ReplayBuffer.create(ReplayPolicy.CLASS_BALANCED, 200, 2, 3);
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < 1000 * (c + 1); i++) {
                buffer.offer(c + "-" + i, vector(2, c), c);
            }
        }
        assertArrayEquals(new int[] {50, 50, 50, 50}, buffer.classCounts());
    }

    @Test
    void classBalancedEvictsFromTheLargestClass() {
        ReplayBuffer buffer = ReplayBuffer.create(ReplayPolicy.CLASS_BALANCED, 4, 1, 9);
        buffer.offer("a1", vector(1, 0), 0);
        buffer.offer("a2", vector(1, 0), 0);
        buffer.offer("a3", vector(1, 0), 0);
        buffer.offer("b1", vector(1, 1), 1);
        assertTrue(buffer.offer("c1", vector(1, 2), 2));
        assertArrayEquals(new int[] {2, 1, 1}, buffer.classCounts());
    }

    @Test
    void reservoirUnderClassImbalanceMirrorsTheStream() {
        ReplayBuffer buffer = ReplayBuffer.create(ReplayPolicy.RESERVOIR, 200, 1, 4);
        for (int i = 0; i < 10_000; i++) {
            buffer.offer("s" + i, vector(1, 0), i % 10 == 0 ? 1 : 0);
        }
        int minority = buffer.classCounts()[1];
        assertTrue(minority > 5 && minority < 40, "about 10% of 200: " + minority);
    }

    @Test
    void samplesDistinctStoredSlots() {
        ReplayBuffer buffer = ReplayBuffer.create(ReplayPolicy.RESERVOIR, 50, 1, 5);
        for (int i = 0; i < 50; i++) {
            buffer.offer("s" + i, new float[] {i}, 0);
        }
        float[] features = new float[64];
        int[] labels = new int[64];
        assertEquals(50, buffer.sample(64, features, labels));
        Set<Float> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            seen.add(features[i]);
        }
        assertEquals(50, seen.size());
        assertEquals(10, buffer.sample(10, features, labels));
    }

    @Test
    void sameSeedAndOffersGiveSameContentsAndSamples() {
        ReplayBuffer a = filled(ReplayPolicy.CLASS_BALANCED, 11);
        ReplayBuffer b = filled(ReplayPolicy.CLASS_BALANCED, 11);
        assertArrayEquals(a.snapshot(), b.snapshot());
    }

    @Test
    void restoredBufferContinuesIdentically() {
        for (ReplayPolicy policy : ReplayPolicy.values()) {
            ReplayBuffer original = filled(policy, 12);
            ReplayBuffer restored = ReplayBuffer.restore(original.snapshot());
            for (int i = 0; i < 300; i++) {
                original.offer("late" + i, vector(4, i), i % 5);
                restored.offer("late" + i, vector(4, i), i % 5);
            }
            float[] fa = new float[32 * 4];
            float[] fb = new float[32 * 4];
            int[] la = new int[32];
            int[] lb = new int[32];
            original.sample(32, fa, la);
            restored.sample(32, fb, lb);
            assertArrayEquals(fa, fb);
            assertArrayEquals(la, lb);
            assertArrayEquals(original.snapshot(), restored.snapshot());
        }
    }

    @Test
    void rejectsCorruptOrForeignSnapshots() {
        byte[] bytes = filled(ReplayPolicy.RESERVOIR, 13).snapshot();
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 1;
        assertEquals(Reason.CHECKSUM_MISMATCH, assertThrows(SnapshotFormatException.class, () -> ReplayBuffer.restore(flipped)).reason());
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 100);
        assertEquals(Reason.LENGTH_MISMATCH, assertThrows(SnapshotFormatException.class, () -> ReplayBuffer.restore(truncated)).reason());
        byte[] foreign = dev.streamtune.core.eval.HoldoutSet.create(new dev.streamtune.core.eval.HoldoutSelector(0.1), 5, 4, 1).snapshot();
        assertEquals(Reason.BAD_MAGIC, assertThrows(SnapshotFormatException.class, () -> ReplayBuffer.restore(foreign)).reason());
    }

    @Test
    void rejectsInvalidSamplesAndStaysUnchanged() {
        ReplayBuffer buffer = ReplayBuffer.create(ReplayPolicy.RESERVOIR, 5, 3, 1);
        buffer.offer("ok", vector(3, 1), 0);
        assertThrows(IllegalArgumentException.class, () -> buffer.offer("short", vector(2, 1), 0));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> buffer.offer("nan", new float[] {1, Float.NaN, 1}, 0));
        assertTrue(nan.getMessage().contains("nan") && nan.getMessage().contains("NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> buffer.offer("inf", new float[] {1, 1, Float.POSITIVE_INFINITY}, 0));
        assertThrows(IllegalArgumentException.class, () -> buffer.offer("neg", vector(3, 1), -1));
        assertThrows(IllegalArgumentException.class, () -> buffer.offer("", vector(3, 1), 0));
        assertEquals(1, buffer.size());
        assertEquals(1, buffer.seen());
    }

    @Test
    void tenThousand384dEmbeddingsFitInTwentyMegabytes() {
        ReplayBuffer buffer = ReplayBuffer.create(ReplayPolicy.CLASS_BALANCED, 10_000, 384, 1);
        float[] v = vector(384, 0.05f);
        for (int i = 0; i < 10_000; i++) {
            buffer.offer(UUID.randomUUID().toString(), v, i % 10);
        }
        long bytes = buffer.retainedBytes();
        assertTrue(bytes >= 10_000L * 384 * 4, "at least the raw floats: " + bytes);
        assertTrue(bytes <= 20_000_000L, "at most 20 MB: " + bytes);
    }

    @Test
    void parsesPolicyNamesAndRejectsUnknownOnes() {
        assertEquals(ReplayPolicy.CLASS_BALANCED, ReplayPolicy.fromId("class-balanced"));
        assertEquals(ReplayPolicy.RESERVOIR, ReplayPolicy.fromId("Reservoir"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReplayPolicy.fromId("fifo"));
        assertTrue(e.getMessage().contains("class-balanced"), e.getMessage());
        assertFalse(ReplayPolicy.RESERVOIR.id().isEmpty());
    }

    private static ReplayBuffer filled(ReplayPolicy policy, long seed) {
        ReplayBuffer buffer = ReplayBuffer.create(policy, 64, 4, seed);
        for (int i = 0; i < 500; i++) {
            buffer.offer("s" + i, vector(4, i * 0.5f), (i / 50) % 5);
        }
        return buffer;
    }
}
