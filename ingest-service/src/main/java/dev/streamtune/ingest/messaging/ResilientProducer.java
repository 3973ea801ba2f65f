package dev.streamtune.ingest.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * The shared idempotent producer, used for single samples and model specs. Sends records and waits, within a
 * deadline, until Kafka acknowledged all of them. A producer that fails fatally (fenced, out of sequence,
 * closed, not authorised...) is replaced by a fresh one, so the service recovers without a restart; broker
 * outages are retriable and keep the same producer.
 */
public final class ResilientProducer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ResilientProducer.class);

    private final Supplier<Producer<String, byte[]>> factory;
    private final AtomicReference<Producer<String, byte[]>> current;
    private final Duration closeTimeout;

    /**
     * @param factory makes a new producer (idempotent, acks=all)
     * @param closeTimeout how long a replaced producer may take to finish what it has in flight
     */
    public ResilientProducer(Supplier<Producer<String, byte[]>> factory, Duration closeTimeout) {
        this.factory = factory;
        this.closeTimeout = closeTimeout;
        this.current = new AtomicReference<>(factory.get());
    }

    /**
     * Sends {@code records} in order and returns their metadata once every one is acknowledged.
     *
     * @throws KafkaUnavailableException if a record failed or was not acknowledged before {@code deadline}
     */
    public List<RecordMetadata> sendAll(List<ProducerRecord<String, byte[]>> records, Deadline deadline) {
        Producer<String, byte[]> producer = current.get();
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        try {
            for (ProducerRecord<String, byte[]> r : records) {
                sent.add(producer.send(r));
            }
            List<RecordMetadata> acked = new ArrayList<>(records.size());
            for (Future<RecordMetadata> f : sent) {
                acked.add(f.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS));
            }
            return acked;
        } catch (TimeoutException e) {
            throw new KafkaUnavailableException("Kafka did not acknowledge " + records.size() + " record(s) in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = ProducerFailures.unwrap(e);
            if (ProducerFailures.isFatal(cause)) {
                replace(producer, cause);
            }
            throw new KafkaUnavailableException("Kafka refused the record(s): " + cause, cause);
        }
    }

    /** The producer in use now (tests check that a fatal failure replaced it). */
    Producer<String, byte[]> current() {
        return current.get();
    }

    private void replace(Producer<String, byte[]> failed, Throwable cause) {
        Producer<String, byte[]> fresh = factory.get();
        if (current.compareAndSet(failed, fresh)) {
            LOG.warnf("Kafka producer failed fatally (%s); replaced it with a new one", cause.toString());
            closeInBackground(failed);
        } else {
            fresh.close(Duration.ZERO); // another request replaced it first
        }
    }

    private void closeInBackground(Producer<String, byte[]> producer) {
        Thread closer = new Thread(() -> {
            try {
                producer.close(closeTimeout);
            } catch (RuntimeException e) {
                LOG.debugf(e, "closing a failed producer");
            }
        }, "retire-kafka-producer");
        closer.setDaemon(true);
        closer.start();
    }

    @Override
    public void close() {
        current.get().close(closeTimeout);
    }
}
