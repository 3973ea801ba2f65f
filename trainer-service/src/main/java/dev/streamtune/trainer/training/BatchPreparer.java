package dev.streamtune.trainer.training;

import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.SampleRecord;
import dev.streamtune.trainer.messaging.RejectReason;
import dev.streamtune.trainer.messaging.SampleValidator;
import dev.streamtune.trainer.messaging.SampleVerdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * The pure part of processing a polled batch: decode and validate every record, and compute the backbone
 * features of the accepted samples, one backbone call per model. Safe to run off the training loop's thread: it
 * reads the spec view and the (thread-safe) backbones and changes nothing else.
 */
final class BatchPreparer {

    private final SampleValidator validator;
    private final BooleanSupplier catchUpSpecs;
    private final FeatureExtractor features;

    /**
     * @param catchUpSpecs reads the spec topic to its end (called when a sample names an unknown model, which may
     *     have just been registered); {@code true} when that succeeded
     */
    BatchPreparer(SampleValidator validator, BooleanSupplier catchUpSpecs, FeatureExtractor features) {
        this.validator = validator;
        this.catchUpSpecs = catchUpSpecs;
        this.features = features;
    }

    PreparedBatch prepare(ConsumerRecords<String, byte[]> records, long epoch) {
        List<ConsumerRecord<String, byte[]>> polled = new ArrayList<>(records.count());
        List<SampleVerdict> verdicts = new ArrayList<>(records.count());
        Map<String, List<Integer>> acceptedByModel = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            SampleVerdict v = validator.check(r.key(), r.value());
            if (v instanceof SampleVerdict.Rejected rej && rej.reason() == RejectReason.UNKNOWN_MODEL && catchUpSpecs.getAsBoolean()) {
                v = validator.check(r.key(), r.value()); // the spec may have just been registered
            }
            if (v instanceof SampleVerdict.Accepted acc) {
                acceptedByModel.computeIfAbsent(acc.spec().name(), k -> new ArrayList<>()).add(polled.size());
            }
            polled.add(r);
            verdicts.add(v);
        }
        float[][] rows = new float[polled.size()][];
        String[] bad = new String[polled.size()];
        for (List<Integer> indices : acceptedByModel.values()) {
            ModelSpec spec = ((SampleVerdict.Accepted) verdicts.get(indices.get(0))).spec();
            List<SampleRecord> samples = indices.stream().map(i -> ((SampleVerdict.Accepted) verdicts.get(i)).sample()).toList();
            encode(spec, samples, indices, rows, bad);
        }
        List<PreparedBatch.Item> items = new ArrayList<>(polled.size());
        for (int i = 0; i < polled.size(); i++) {
            items.add(new PreparedBatch.Item(polled.get(i), verdicts.get(i), rows[i], bad[i]));
        }
        return new PreparedBatch(items, epoch);
    }

    /** Features of one model's samples in one call; when that fails, one by one, to find the inputs it refuses. */
    private void encode(ModelSpec spec, List<SampleRecord> samples, List<Integer> indices, float[][] rows, String[] bad) {
        try {
            float[][] f = features.features(spec, samples);
            for (int k = 0; k < f.length; k++) {
                rows[indices.get(k)] = f[k];
            }
        } catch (IllegalArgumentException batchFailure) {
            for (int k = 0; k < samples.size(); k++) {
                try {
                    rows[indices.get(k)] = features.features(spec, List.of(samples.get(k)))[0];
                } catch (IllegalArgumentException e) {
                    bad[indices.get(k)] = e.getMessage();
                }
            }
        }
    }
}
