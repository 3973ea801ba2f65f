package dev.streamtune.inference.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.kafka.common.CompactedTopicView;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The pins of all models, in the compacted {@code model-pins} topic so they survive restarts and every replica
 * follows them. Writes return once this replica's view has read them back.
 */
public final class PinStore implements AutoCloseable {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);
    private final String topic;
    private final ObjectMapper json;
    private final CompactedTopicView<Pin> view;
    private final KafkaProducer<String, byte[]> producer;

    public PinStore(String bootstrap, String topic, ObjectMapper json) {
        this.topic = topic;
        this.json = json;
        this.view = new CompactedTopicView<>(bootstrap, topic, this::decode);
        this.producer = pinProducer(bootstrap);
    }

    /** The pin writer: acks from all replicas, idempotent, small records. */
    private static KafkaProducer<String, byte[]> pinProducer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "inference-pins");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private Pin decode(byte[] value) {
        try {
            Pin pin = json.readValue(value, Pin.class);
            if (pin.version() < 1) {
                throw new IllegalArgumentException("pinned version must be at least 1, was " + pin.version());
            }
            return pin;
        } catch (IOException e) {
            throw new IllegalArgumentException("pin is not {\"version\": n}: " + e.getMessage(), e);
        }
    }

    /** Waits until the view has read the topic up to now. */
    public boolean awaitCaughtUp(Duration timeout) {
        return view.awaitCaughtUp(timeout);
    }

    /** Calls {@code listener(model, pin)} on every later change ({@code null} pin = unpinned). */
    public void onChange(BiConsumer<String, Pin> listener) {
        view.onChange(listener);
    }

    /** Every pin, by model. */
    public Map<String, Pin> all() {
        return view.all();
    }

    /** Pins {@code model} to {@code version}. @throws IllegalStateException when Kafka does not take the write */
    public void pin(String model, long version) {
        try {
            write(model, json.writeValueAsBytes(new Pin(version)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a pin", e);
        }
    }

    /** Removes {@code model}'s pin (a tombstone). @throws IllegalStateException when Kafka does not take the write */
    public void unpin(String model) {
        write(model, null);
    }

    private void write(String model, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, model, value)).get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the pin of " + model, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the pin of " + model + ": " + e.getMessage(), e);
        }
        if (!view.awaitCaughtUp(WRITE_TIMEOUT)) {
            throw new IllegalStateException("the pin of " + model + " was written but not read back within " + WRITE_TIMEOUT);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
        view.close();
    }
}
