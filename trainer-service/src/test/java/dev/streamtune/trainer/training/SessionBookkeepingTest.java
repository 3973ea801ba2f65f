package dev.streamtune.trainer.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.VersionInfo.OffsetRange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionBookkeepingTest {

    @Test
    void deduplicatorForgetsOldestIdsBeyondItsWindow() {
        SampleDeduplicator d = new SampleDeduplicator(2);
        assertTrue(d.firstTime("a"));
        assertFalse(d.firstTime("a"));
        assertTrue(d.firstTime("b"));
        assertTrue(d.firstTime("c")); // evicts a
        assertTrue(d.firstTime("a"));
        assertFalse(d.firstTime("c"));
        assertEquals(2, d.size());
    }

    @Test
    void deduplicatorSnapshotRestoresTheSameWindow() {
        SampleDeduplicator d = new SampleDeduplicator(3);
        for (String id : List.of("x", "y", "z")) {
            d.firstTime(id);
        }
        SampleDeduplicator r = SampleDeduplicator.restore(d.snapshot(), 3);
        assertFalse(r.firstTime("x"));
        assertFalse(r.firstTime("z"));
        assertThrows(IllegalArgumentException.class, () -> SampleDeduplicator.restore(new byte[] {0, 0, 0, 9}, 3));
    }

    @Test
    void lineageCutsContiguousRangesPerPartition() {
        LineageTracker t = new LineageTracker();
        t.trained(0, 10);
        t.trained(0, 11);
        t.trained(2, 5);
        assertEquals(List.of(new OffsetRange(0, 10, 11, 2), new OffsetRange(2, 5, 5, 1)), t.cut());
        t.trained(0, 12);
        LineageTracker restored = LineageTracker.restore(t.state());
        restored.trained(0, 13);
        assertEquals(List.of(new OffsetRange(0, 12, 13, 2)), restored.cut());
        assertEquals(5, restored.cumulative());
    }

    @Test
    void gateRejectsDropOnKnownClassesBeyondMargin() {
        ForgettingGate gate = new ForgettingGate(0.05);
        assertTrue(gate.decide(null, Map.of("a", 0.5)).publish());
        Map<String, Double> before = Map.of("a", 0.9, "b", 0.8);
        assertTrue(gate.decide(before, Map.of("a", 0.88, "b", 0.79, "c", 0.1)).publish(), "new class does not count");
        ForgettingGate.Decision d = gate.decide(before, Map.of("a", 0.5, "b", 0.8, "c", 0.9));
        assertFalse(d.publish());
        assertTrue(d.reason().contains("fell from 0.850 to 0.650"), d.reason());
    }

    @Test
    void forgettingIsMeanDropFromBest() {
        assertEquals(0.15, ForgettingGate.forgetting(Map.of("a", 0.9, "b", 0.8), Map.of("a", 0.6, "b", 0.9)), 1e-9);
    }

    @Test
    void publishPolicyFiresOnCountOrOnTimeWithNewSamples() {
        PublishPolicy p = PublishPolicy.of(new ModelSpec.PublishSettings(100, 2.0, 0.05));
        assertFalse(p.due(99, 1_000_000_000L));
        assertTrue(p.due(100, 0));
        assertTrue(p.due(1, 2_000_000_000L));
        assertFalse(p.due(0, 9_000_000_000L), "no new samples, nothing to publish");
    }

    @Test
    void checkpointCodecRoundTripsAndRejectsTruncation() {
        CheckpointCodec codec = new CheckpointCodec(new ObjectMapper());
        CheckpointCodec.Checkpoint c = new CheckpointCodec.Checkpoint(
                new CheckpointCodec.Header("m", 3, 7, Map.of("a", 0.5), Map.of("a", 0.6),
                        new LineageTracker.State(List.of(new OffsetRange(1, 4, 9, 6)), 42), 1234, 2, 1),
                new byte[] {1, 2, 3}, new byte[] {9, 8});
        byte[] bytes = codec.encode(c);
        CheckpointCodec.Checkpoint back = codec.decode(bytes);
        assertEquals(c.header(), back.header());
        assertArrayEquals(c.dedup(), back.dedup());
        assertArrayEquals(c.learner(), back.learner());
        assertThrows(IllegalArgumentException.class, () -> codec.decode(java.util.Arrays.copyOf(bytes, bytes.length - 1)));
        assertThrows(IllegalArgumentException.class, () -> codec.decode("garbage!".getBytes()));
    }
}
