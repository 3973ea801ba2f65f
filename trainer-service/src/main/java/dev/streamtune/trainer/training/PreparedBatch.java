package dev.streamtune.trainer.training;

import dev.streamtune.trainer.messaging.SampleVerdict;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A polled batch after the pure part of its processing: every record's verdict and, for an accepted sample, its
 * backbone features or why the backbone could not encode it. Nothing here has effects yet: dead letters, dedup
 * claims and training happen when the training loop processes the batch, in the transaction that commits its
 * offsets. {@code epoch} is the loop's rebalance/rollback generation when the records were polled; a batch of
 * an older generation is dropped unprocessed.
 */
record PreparedBatch(List<Item> items, long epoch) {

    /**
     * One consumed record, in poll order.
     *
     * @param features the sample's features ({@code null} when rejected or when the backbone refused it)
     * @param badInput why the backbone could not encode the accepted sample, or {@code null}
     */
    record Item(ConsumerRecord<String, byte[]> record, SampleVerdict verdict, float[] features, String badInput) {}

    boolean isEmpty() {
        return items.isEmpty();
    }
}
