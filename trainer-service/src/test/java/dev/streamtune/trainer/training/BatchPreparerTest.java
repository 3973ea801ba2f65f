package dev.streamtune.trainer.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.SampleRecord;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.contracts.Task;
import dev.streamtune.trainer.messaging.RejectReason;
import dev.streamtune.trainer.messaging.SampleValidator;
import dev.streamtune.trainer.messaging.SampleVerdict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class BatchPreparerTest {

    private final ModelSpec spec = new ModelSpec("txt", Task.TEXT_CLASSIFICATION, "minilm-l6-v2", Strategy.FEATURE_EXTRACTION,
            null, null, null, 1, 0);
    private final List<Integer> backboneCalls = new ArrayList<>();
    /** Features: the text's length; a text containing "unreadable" is refused like a backbone refuses an input. */
    private final FeatureExtractor fake = (s, samples) -> {
        backboneCalls.add(samples.size());
        float[][] rows = new float[samples.size()][];
        for (int i = 0; i < rows.length; i++) {
            SampleRecord r = samples.get(i);
            if (r.text().contains("unreadable")) {
                throw new IllegalArgumentException("sample " + r.id() + ": cannot encode");
            }
            rows[i] = new float[] {r.text().length()};
        }
        return rows;
    };
    private final BatchPreparer preparer = new BatchPreparer(new SampleValidator(new ObjectMapper(), Map.of("txt", spec)::get),
            () -> true, fake);

    private static ConsumerRecord<String, byte[]> record(long offset, String json) {
        return new ConsumerRecord<>("samples", 0, offset, "txt", json.getBytes(StandardCharsets.UTF_8));
    }

    private static String sample(String id, String text) {
        return "{\"id\":\"" + id + "\",\"model\":\"txt\",\"text\":\"" + text + "\",\"label\":\"x\"}";
    }

    @Test
    void keepsPollOrderWithVerdictsFeaturesAndRefusedInputs() {
        List<ConsumerRecord<String, byte[]>> polled = List.of(record(7, sample("a", "abc")), record(8, "{not json"),
                record(9, sample("b", "unreadable")), record(10, sample("c", "abcdef")));
        PreparedBatch batch = preparer.prepare(
                new ConsumerRecords<>(Map.of(new TopicPartition("samples", 0), polled), Map.of()), 3);

        assertEquals(3, batch.epoch());
        assertEquals(List.of(7L, 8L, 9L, 10L), batch.items().stream().map(i -> i.record().offset()).toList());
        assertArrayEquals(new float[] {3}, batch.items().get(0).features());
        assertEquals(RejectReason.MALFORMED, assertInstanceOf(SampleVerdict.Rejected.class, batch.items().get(1).verdict()).reason());
        assertNull(batch.items().get(1).features());
        PreparedBatch.Item refused = batch.items().get(2);
        assertInstanceOf(SampleVerdict.Accepted.class, refused.verdict());
        assertNull(refused.features());
        assertTrue(refused.badInput().contains("cannot encode"), refused.badInput());
        assertArrayEquals(new float[] {6}, batch.items().get(3).features());
        // one call for the model's three samples, then one by one to find the refused input
        assertEquals(List.of(3, 1, 1, 1), backboneCalls);
    }

    @Test
    void preparesAnEmptyPollToAnEmptyBatch() {
        assertTrue(preparer.prepare(ConsumerRecords.empty(), 0).isEmpty());
        assertEquals(List.of(), backboneCalls);
    }
}
