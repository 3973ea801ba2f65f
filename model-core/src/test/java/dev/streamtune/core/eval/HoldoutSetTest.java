package dev.streamtune.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.streamtune.core.snapshot.SnapshotFormatException;
import org.junit.jupiter.api.Test;

class HoldoutSetTest {

    @Test
    void keepsAClassBalancedBoundedSetAndRoundTrips() {
        HoldoutSet set = HoldoutSet.create(new HoldoutSelector(0.2), 30, 2, 7);
        for (int i = 0; i < 300; i++) {
            set.add("h" + i, new float[] {i, -i}, i < 200 ? 0 : 1 + i % 2);
        }
        assertEquals(30, set.size());
        assertEquals(300, set.seen());
        HoldoutSet restored = HoldoutSet.restore(set.snapshot());
        assertEquals(0.2, restored.selector().fraction());
        assertArrayEquals(set.snapshot(), restored.snapshot());
        int[] perClass = new int[3];
        for (int i = 0; i < restored.size(); i++) {
            perClass[restored.contents().label(i)]++;
        }
        assertArrayEquals(new int[] {10, 10, 10}, perClass);
    }

    @Test
    void rejectsAnAlteredSnapshot() {
        byte[] bytes = HoldoutSet.create(new HoldoutSelector(0.1), 3, 2, 1).snapshot();
        bytes[bytes.length - 1] ^= 1;
        assertThrows(SnapshotFormatException.class, () -> HoldoutSet.restore(bytes));
    }
}
