package dev.streamtune.bench;

import dev.streamtune.contracts.VersionInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Freshness of each sample: the time from its {@code 202} at ingest to the first prediction served by a version
 * whose lineage includes it. A version's lineage lists, per samples partition, the offset range trained since its
 * parent, so the first version including a sample is the lowest-numbered one whose range holds the sample's
 * partition and offset; any later prediction answered by that version or a newer one counts.
 */
final class Freshness {

    /** A sample as the sender saw it: its id and when its {@code 202} arrived (nanoTime and epoch millis). */
    record Sent(String id, long acceptedNanos, long acceptedMillis) {}

    /** Where the sample landed on the samples topic. */
    record Position(int partition, long offset) {}

    /** A prediction: when its answer arrived (nanoTime) and which version answered. */
    record Probe(long answeredNanos, long modelVersion) {}

    /**
     * One sample's figures.
     *
     * @param version the first version whose lineage includes it
     * @param toServedNanos {@code 202} to the first prediction by that version or a newer one
     * @param toPublishedMillis {@code 202} to that version's {@code createdAt} (wall clock, same machine)
     */
    record Result(String id, long version, long toServedNanos, long toPublishedMillis) {}

    /** The outcome: a result per sample that was served, and the ids of those that were not (yet). */
    record Outcome(List<Result> served, List<String> notServed) {}

    private Freshness() {}

    /**
     * Computes every sample's freshness.
     *
     * @param positions sample id → position (a sample missing here was never seen on the topic: not served)
     * @param versions the model's versions, any order
     * @param probes predictions in the order they were answered
     */
    static Outcome compute(List<Sent> sent, Map<String, Position> positions, List<VersionInfo> versions, List<Probe> probes) {
        List<VersionInfo> byNumber = new ArrayList<>(versions);
        byNumber.sort(Comparator.comparingLong(VersionInfo::version));
        List<Result> served = new ArrayList<>();
        List<String> notServed = new ArrayList<>();
        for (Sent s : sent) {
            Position pos = positions.get(s.id());
            VersionInfo v = pos == null ? null : firstIncluding(byNumber, pos);
            Probe p = v == null ? null : firstServedBy(probes, v.version(), s.acceptedNanos());
            if (p == null) {
                notServed.add(s.id());
            } else {
                served.add(new Result(s.id(), v.version(), p.answeredNanos() - s.acceptedNanos(), v.createdAt() - s.acceptedMillis()));
            }
        }
        return new Outcome(served, notServed);
    }

    private static VersionInfo firstIncluding(List<VersionInfo> byNumber, Position pos) {
        for (VersionInfo v : byNumber) {
            if (v.lineage() == null) {
                continue;
            }
            for (VersionInfo.OffsetRange r : v.lineage()) {
                if (r.partition() == pos.partition() && r.from() <= pos.offset() && pos.offset() <= r.to()) {
                    return v;
                }
            }
        }
        return null;
    }

    private static Probe firstServedBy(List<Probe> probes, long version, long notBeforeNanos) {
        for (Probe p : probes) {
            if (p.modelVersion() >= version && p.answeredNanos() >= notBeforeNanos) {
                return p;
            }
        }
        return null;
    }
}
