package dev.streamtune.ingest.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.SampleRecord;
import dev.streamtune.contracts.Topics;
import dev.streamtune.ingest.config.IngestConfig;
import dev.streamtune.ingest.messaging.Deadline;
import dev.streamtune.ingest.messaging.ResilientProducer;
import dev.streamtune.ingest.messaging.TransactionalProducerPool;
import dev.streamtune.ingest.metrics.IngestMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes validated samples to the samples topic (key = model name, value = {@link SampleRecord} JSON) and returns
 * only once Kafka acknowledged them. One record goes through the idempotent producer (lowest latency); several
 * go in one transaction, so a Kafka failure half-way leaves none of them visible to read_committed consumers.
 */
@ApplicationScoped
public class SampleWriter {

    private final ResilientProducer producer;
    private final TransactionalProducerPool transactions;
    private final SampleRecordJson json;
    private final String topic;
    private final Duration timeout;
    private final IngestMetrics metrics;

    public SampleWriter(ResilientProducer producer, TransactionalProducerPool transactions, ObjectMapper mapper,
            Topics topics, IngestConfig config, IngestMetrics metrics) {
        this.producer = producer;
        this.transactions = transactions;
        this.json = new SampleRecordJson(mapper.getFactory());
        this.topic = topics.samples();
        this.timeout = config.kafka().requestTimeout();
        this.metrics = metrics;
    }

    /** Writes {@code records} of a request of {@code kind}, all or none. */
    public void write(List<SampleRecord> records, String kind) {
        long start = System.nanoTime();
        if (records.size() == 1) {
            producer.sendAll(List.of(toKafka(records.get(0))), Deadline.in(timeout));
        } else {
            try (TransactionalProducerPool.Transaction tx = transactions.begin(Deadline.in(timeout))) {
                for (SampleRecord r : records) {
                    tx.send(toKafka(r));
                }
                tx.commit();
            }
        }
        metrics.produced(kind, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Begins a transaction for a streamed request (the caller sends with {@link #toKafka} and commits). */
    public TransactionalProducerPool.Transaction begin() {
        return transactions.begin(Deadline.in(timeout));
    }

    /** The Kafka record of a sample. */
    public ProducerRecord<String, byte[]> toKafka(SampleRecord record) {
        return new ProducerRecord<>(topic, record.model(), json.toBytes(record));
    }

    /**
     * Makes the Kafka records of one request's samples of {@code model} from their written values: a plain object to
     * call per sample, where calls on this bean go through its CDI client proxy.
     */
    public Function<byte[], ProducerRecord<String, byte[]>> recordsOf(String model) {
        String samplesTopic = topic;
        return value -> new ProducerRecord<>(samplesTopic, model, value);
    }
}
