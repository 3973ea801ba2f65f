package dev.streamtune.trainer.training;

import dev.streamtune.contracts.VersionInfo.OffsetRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which sample offsets a model trained on since its last published version, per partition. {@link #cut()} closes
 * the current ranges for a version and starts new ones. Part of the checkpoint, so a restarted trainer continues
 * the same ranges: published lineages then cover every trained offset exactly once.
 */
public final class LineageTracker {

    private final Map<Integer, long[]> open = new TreeMap<>(); // partition -> {from, to, count}
    private long cumulative;

    /** Records one trained sample at {@code partition}/{@code offset}. */
    public void trained(int partition, long offset) {
        long[] r = open.get(partition);
        if (r == null) {
            open.put(partition, new long[] {offset, offset, 1});
        } else {
            r[1] = Math.max(r[1], offset);
            r[2]++;
        }
        cumulative++;
    }

    /** Samples trained since the last cut. */
    public long sinceCut() {
        long n = 0;
        for (long[] r : open.values()) {
            n += r[2];
        }
        return n;
    }

    /** Samples trained in total. */
    public long cumulative() {
        return cumulative;
    }

    /** The ranges since the last cut, without closing them. */
    public List<OffsetRange> current() {
        List<OffsetRange> out = new ArrayList<>();
        open.forEach((p, r) -> out.add(new OffsetRange(p, r[0], r[1], r[2])));
        return out;
    }

    /** Closes the current ranges (they belong to the version being published) and returns them. */
    public List<OffsetRange> cut() {
        List<OffsetRange> out = current();
        open.clear();
        return out;
    }

    /** Serializable state: the open ranges and the cumulative count. */
    public State state() {
        return new State(current(), cumulative);
    }

    /** A tracker continuing from {@code state}. */
    public static LineageTracker restore(State state) {
        LineageTracker t = new LineageTracker();
        if (state != null) {
            for (OffsetRange r : state.open()) {
                t.open.put(r.partition(), new long[] {r.from(), r.to(), r.count()});
            }
            t.cumulative = state.cumulative();
        }
        return t;
    }

    /** Checkpointed form of a tracker. */
    public record State(List<OffsetRange> open, long cumulative) {}
}
