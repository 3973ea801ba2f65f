package dev.streamtune.core.weights;

/**
 * A range of source records a version was trained on.
 *
 * @param topic source topic
 * @param partition source partition
 * @param firstOffset first offset consumed (inclusive)
 * @param lastOffset last offset consumed (inclusive)
 */
public record OffsetRange(String topic, int partition, long firstOffset, long lastOffset) {

    public OffsetRange {
        if (topic == null || topic.isEmpty() || partition < 0 || firstOffset < 0 || lastOffset < firstOffset) {
            throw new IllegalArgumentException("invalid offset range " + topic + "-" + partition + " ["
                    + firstOffset + ", " + lastOffset + "]");
        }
    }
}
