package dev.streamtune.ingest.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TransactionalProducerPoolTest {

    private final List<MockProducer<String, byte[]>> made = new ArrayList<>();
    private final TransactionalProducerPool pool = new TransactionalProducerPool(2, i -> {
        MockProducer<String, byte[]> p = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        made.add(p);
        return p;
    });

    @Test
    void commitsWhatWasSent() {
        try (var tx = pool.begin(Deadline.in(Duration.ofSeconds(1)))) {
            tx.send(record());
            tx.send(record());
            tx.commit();
        }
        assertTrue(made.get(0).transactionCommitted());
        assertEquals(2, made.get(0).history().size());
        assertEquals(2, pool.idleCount());
    }

    @Test
    void closingWithoutCommitAborts() {
        try (var tx = pool.begin(Deadline.in(Duration.ofSeconds(1)))) {
            tx.send(record());
        }
        assertTrue(made.get(0).transactionAborted());
        assertTrue(made.get(0).history().isEmpty());
    }

    @Test
    void waitsForAFreeProducerOnlyUntilTheDeadline() {
        var first = pool.begin(Deadline.in(Duration.ofSeconds(1)));
        var second = pool.begin(Deadline.in(Duration.ofSeconds(1)));
        var e = assertThrows(KafkaUnavailableException.class, () -> pool.begin(Deadline.in(Duration.ofMillis(100))));
        assertTrue(e.getMessage().contains("all 2 transactional producers are busy"), e.getMessage());
        first.close();
        second.close();
        pool.begin(Deadline.in(Duration.ofMillis(100))).close();
    }

    @Test
    void aFailedCommitReplacesTheProducerWithoutWaitingToAbort() {
        var tx = pool.begin(Deadline.in(Duration.ofSeconds(1)));
        tx.send(record());
        made.get(0).commitTransactionException = new TimeoutException("broker gone");
        assertThrows(KafkaUnavailableException.class, tx::commit);
        tx.close();
        assertTrue(made.get(0).closed());
        assertFalse(made.get(0).transactionAborted());
        try (var next = pool.begin(Deadline.in(Duration.ofSeconds(1)));
                var other = pool.begin(Deadline.in(Duration.ofSeconds(1)))) {
            next.send(record());
            other.send(record());
            next.commit();
            other.commit();
        }
        assertEquals(3, made.size(), "slot 0 made a new producer with the same transactional id");
    }

    @Test
    void aFailedInitLeavesTheSlotUsableLater() {
        TransactionalProducerPool one = new TransactionalProducerPool(1, i -> {
            MockProducer<String, byte[]> p = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
            if (made.isEmpty()) {
                p.initTransactionException = new TimeoutException("no coordinator");
            }
            made.add(p);
            return p;
        });
        assertThrows(KafkaUnavailableException.class, () -> one.begin(Deadline.in(Duration.ofSeconds(1))));
        try (var tx = one.begin(Deadline.in(Duration.ofSeconds(1)))) {
            tx.commit();
        }
        assertTrue(made.get(1).transactionCommitted());
    }

    private static ProducerRecord<String, byte[]> record() {
        return new ProducerRecord<>("t", "k", new byte[] {1});
    }
}
