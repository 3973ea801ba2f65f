package dev.streamtune.core.weights;

import java.util.List;

/**
 * Where a version's knowledge comes from.
 *
 * @param trainedSamples samples trained on since the learner was created
 * @param steps gradient steps since the learner was created
 * @param offsets source offset ranges consumed (possibly empty)
 */
public record Lineage(long trainedSamples, long steps, List<OffsetRange> offsets) {

    public Lineage {
        if (trainedSamples < 0 || steps < 0) {
            throw new IllegalArgumentException("lineage counts must be >= 0: " + trainedSamples + ", " + steps);
        }
        offsets = offsets == null ? List.of() : List.copyOf(offsets);
    }
}
