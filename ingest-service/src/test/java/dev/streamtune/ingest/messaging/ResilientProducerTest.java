package dev.streamtune.ingest.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class ResilientProducerTest {

    private final List<MockProducer<String, byte[]>> made = new ArrayList<>();
    private final ResilientProducer producer = new ResilientProducer(() -> {
        MockProducer<String, byte[]> p = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        made.add(p);
        return p;
    }, Duration.ofSeconds(1));

    @Test
    void returnsMetadataOfEveryAcknowledgedRecordInOrder() {
        var acked = producer.sendAll(List.of(record("a"), record("b")), Deadline.in(Duration.ofSeconds(1)));
        assertEquals(2, acked.size());
        assertEquals(List.of("a", "b"), made.get(0).history().stream().map(ProducerRecord::key).toList());
    }

    @Test
    void replacesAProducerThatFailedFatally() {
        made.get(0).sendException = new OutOfOrderSequenceException("broken sequence");
        assertThrows(KafkaUnavailableException.class,
                () -> producer.sendAll(List.of(record("a")), Deadline.in(Duration.ofSeconds(1))));
        assertNotSame(made.get(0), producer.current());
        assertSame(made.get(1), producer.current());
        producer.sendAll(List.of(record("b")), Deadline.in(Duration.ofSeconds(1)));
        assertEquals(1, made.get(1).history().size());
    }

    @Test
    void keepsTheProducerAfterARetriableTimeout() {
        made.get(0).sendException = new TimeoutException("broker down");
        assertThrows(KafkaUnavailableException.class,
                () -> producer.sendAll(List.of(record("a")), Deadline.in(Duration.ofSeconds(1))));
        assertSame(made.get(0), producer.current());
        assertEquals(1, made.size());
    }

    @Test
    void failsWhenAcknowledgementsDoNotComeBeforeTheDeadline() {
        ResilientProducer slow = new ResilientProducer(
                () -> new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer()),
                Duration.ofSeconds(1));
        long start = System.nanoTime();
        var e = assertThrows(KafkaUnavailableException.class,
                () -> slow.sendAll(List.of(record("a")), Deadline.in(Duration.ofMillis(200))));
        assertTrue(e.getMessage().contains("did not acknowledge"), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2000);
    }

    private static ProducerRecord<String, byte[]> record(String key) {
        return new ProducerRecord<>("t", key, new byte[] {1});
    }
}
