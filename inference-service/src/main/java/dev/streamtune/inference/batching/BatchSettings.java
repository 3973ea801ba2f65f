package dev.streamtune.inference.batching;

/**
 * How a {@link DynamicBatcher} coalesces requests.
 *
 * @param maxBatch most inputs per backbone call
 * @param maxDelayMillis longest wait for more inputs after the first of a batch arrived
 * @param workers backbone calls that may run at the same time
 * @param queueCapacity inputs that may wait; beyond that {@link DynamicBatcher#submit} fails with
 *     {@link OverloadedException}
 */
public record BatchSettings(int maxBatch, int maxDelayMillis, int workers, int queueCapacity) {

    public BatchSettings {
        if (maxBatch < 1 || maxDelayMillis < 0 || workers < 1 || queueCapacity < maxBatch) {
            throw new IllegalArgumentException("invalid batching settings: max-batch " + maxBatch + " (>= 1), max-delay-ms "
                    + maxDelayMillis + " (>= 0), workers " + workers + " (>= 1), queue-capacity " + queueCapacity
                    + " (>= max-batch)");
        }
    }
}
