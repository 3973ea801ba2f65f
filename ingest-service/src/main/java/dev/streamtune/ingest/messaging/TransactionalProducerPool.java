package dev.streamtune.ingest.messaging;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * A fixed pool of transactional producers, each with its own {@code transactional.id}, so that several requests
 * can each write in their own Kafka transaction at once. A request takes a producer with {@link #begin}, sends,
 * and commits; anything else aborts.
 *
 * <p>Producers are created (and {@code initTransactions} run) on first use. After a Kafka failure the producer
 * is closed at once, without waiting on a broker that may be gone, and the next user of its slot creates a new
 * one with the same {@code transactional.id}, which fences the old one and aborts what it left open.
 */
public final class TransactionalProducerPool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TransactionalProducerPool.class);

    private final IntFunction<Producer<String, byte[]>> factory;
    private final BlockingQueue<Slot> idle;
    private final int size;
    private volatile boolean closed;

    /**
     * @param size number of producers
     * @param factory makes the transactional producer of slot {@code i}
     */
    public TransactionalProducerPool(int size, IntFunction<Producer<String, byte[]>> factory) {
        if (size < 1) {
            throw new IllegalArgumentException("the transactional producer pool needs at least one producer, got " + size);
        }
        this.size = size;
        this.factory = factory;
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            idle.add(new Slot(i));
        }
    }

    /**
     * Takes a producer and begins a transaction on it.
     *
     * @throws KafkaUnavailableException if no producer is free or Kafka cannot be reached before {@code deadline}
     */
    public Transaction begin(Deadline deadline) {
        Slot slot;
        try {
            slot = idle.poll(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for a transactional producer", e);
        }
        if (slot == null) {
            throw new KafkaUnavailableException("all " + size + " transactional producers are busy", null);
        }
        try {
            slot.ready().beginTransaction();
            return new Transaction(slot);
        } catch (RuntimeException e) {
            slot.discard();
            idle.add(slot);
            throw new KafkaUnavailableException("could not begin a Kafka transaction: " + e, e);
        }
    }

    /** Number of producers not lent out right now. */
    public int idleCount() {
        return idle.size();
    }

    @Override
    public void close() {
        closed = true;
        Slot slot;
        while ((slot = idle.poll()) != null) {
            slot.discard();
        }
    }

    /** One Kafka transaction on a pooled producer. Closing it without {@link #commit()} aborts it. */
    public final class Transaction implements AutoCloseable {
        private final Slot slot;
        private boolean finished;

        private Transaction(Slot slot) {
            this.slot = slot;
        }

        /** Sends a record as part of this transaction (blocks only when the producer's buffer is full). */
        public void send(ProducerRecord<String, byte[]> record) {
            try {
                slot.producer.send(record);
            } catch (RuntimeException e) {
                fail();
                throw new KafkaUnavailableException("Kafka did not take a record: " + e, e);
            }
        }

        /** Commits: returns once every record is acknowledged and the transaction is committed. */
        public void commit() {
            try {
                slot.producer.commitTransaction();
                finished = true;
            } catch (RuntimeException e) {
                fail();
                throw new KafkaUnavailableException("Kafka did not commit the transaction: " + e, e);
            }
        }

        /** Aborts unless committed, and gives the producer back to the pool. */
        @Override
        public void close() {
            if (!finished) {
                try {
                    slot.producer.abortTransaction();
                } catch (RuntimeException e) {
                    LOG.debugf(e, "aborting a transaction failed; replacing producer %d", slot.index);
                    slot.discard();
                }
                finished = true;
            }
            if (closed) {
                slot.discard();
            }
            idle.add(slot);
        }

        private void fail() {
            slot.discard();
            finished = true; // nothing left to abort on this producer; the next initTransactions fences it
        }
    }

    private final class Slot {
        private final int index;
        private Producer<String, byte[]> producer;

        private Slot(int index) {
            this.index = index;
        }

        Producer<String, byte[]> ready() {
            if (producer == null) {
                Producer<String, byte[]> p = factory.apply(index);
                try {
                    p.initTransactions();
                } catch (RuntimeException e) {
                    p.close(Duration.ZERO);
                    throw e;
                }
                producer = p;
            }
            return producer;
        }

        void discard() {
            if (producer != null) {
                try {
                    producer.close(Duration.ZERO);
                } catch (RuntimeException e) {
                    LOG.debugf(e, "closing transactional producer %d", index);
                }
                producer = null;
            }
        }
    }
}
