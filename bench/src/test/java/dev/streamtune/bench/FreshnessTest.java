package dev.streamtune.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamtune.contracts.Strategy;
import dev.streamtune.contracts.VersionInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreshnessTest {

    private static VersionInfo version(long n, long createdAt, VersionInfo.OffsetRange... lineage) {
        return new VersionInfo("m", n, n - 1, createdAt, Strategy.FEATURE_EXTRACTION, "minilm-l6-v2", "x", List.of("a"),
                null, List.of(lineage), 0, 0, "sha", null);
    }

    private static final Freshness.Sent A = new Freshness.Sent("a", 1_000_000_000L, 10_000);
    private static final Freshness.Sent B = new Freshness.Sent("b", 1_200_000_000L, 10_200);

    @Test
    void timesEachSampleToTheFirstPredictionByTheFirstVersionWhoseLineageHoldsIt() {
        Map<String, Freshness.Position> pos = Map.of("a", new Freshness.Position(0, 5), "b", new Freshness.Position(0, 9));
        List<VersionInfo> versions = List.of(version(2, 11_000, new VersionInfo.OffsetRange(0, 7, 12, 6)),
                version(1, 10_500, new VersionInfo.OffsetRange(0, 0, 6, 7)));
        List<Freshness.Probe> probes = List.of(new Freshness.Probe(1_100_000_000L, 0), // before any version
                new Freshness.Probe(1_700_000_000L, 1), new Freshness.Probe(2_300_000_000L, 2));
        Freshness.Outcome o = Freshness.compute(List.of(A, B), pos, versions, probes);
        assertEquals(List.of(), o.notServed());
        assertEquals(new Freshness.Result("a", 1, 700_000_000L, 500), o.served().get(0));
        assertEquals(new Freshness.Result("b", 2, 1_100_000_000L, 800), o.served().get(1));
    }

    @Test
    void countsSamplesNotOnTheTopicOrInNoServedVersionAsNotServed() {
        Map<String, Freshness.Position> pos = Map.of("b", new Freshness.Position(0, 9));
        List<VersionInfo> versions = List.of(version(1, 10_500, new VersionInfo.OffsetRange(0, 0, 9, 10)));
        // version 1 holds b, but no prediction by it came after b's 202
        List<Freshness.Probe> probes = List.of(new Freshness.Probe(1_100_000_000L, 1));
        Freshness.Outcome o = Freshness.compute(List.of(A, B), pos, versions, probes);
        assertEquals(List.of("a", "b"), o.notServed());
        assertEquals(List.of(), o.served());
    }

    @Test
    void ignoresRangesOfOtherPartitions() {
        Map<String, Freshness.Position> pos = Map.of("a", new Freshness.Position(1, 5));
        List<VersionInfo> versions = List.of(version(1, 10_500, new VersionInfo.OffsetRange(0, 0, 9, 10)));
        Freshness.Outcome o = Freshness.compute(List.of(A), pos, versions, List.of(new Freshness.Probe(2_000_000_000L, 1)));
        assertEquals(List.of("a"), o.notServed());
    }
}
