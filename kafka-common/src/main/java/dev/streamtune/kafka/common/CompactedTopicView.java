package dev.streamtune.kafka.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * A live, read-only map of a compacted topic: key to the latest value, a tombstone removes the key. It reads
 * every partition from the beginning (no consumer group, read_committed) on its own thread, so every replica and
 * every restart sees the same map. {@link #awaitCaughtUp(Duration)} blocks until the map reflects everything
 * committed to the topic when it was called (read-your-writes after a produce).
 *
 * @param <V> the decoded value type
 */
public final class CompactedTopicView<V> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CompactedTopicView.class);
    private final String topic;
    private final String bootstrapServers;
    private final Function<byte[], V> decoder;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, V> values = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, V>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final Object progress = new Object();
    private volatile Map<TopicPartition, Long> positions = Map.of();
    private volatile Set<TopicPartition> assigned = Set.of();

    /**
     * Starts following {@code topic} (which must exist).
     *
     * @param decoder bytes to value; a value it cannot decode is logged and skipped (it throws)
     */
    public CompactedTopicView(String bootstrapServers, String topic, Function<byte[], V> decoder) {
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.decoder = decoder;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "view-" + topic + "-" + UUID.randomUUID());
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024 * 1024);
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "view-" + topic);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Calls {@code listener(key, value)} for every later change (value {@code null} for a removal). */
    public void onChange(BiConsumer<String, V> listener) {
        listeners.add(listener);
    }

    /** The current value of {@code key}, or {@code null}. */
    public V get(String key) {
        return values.get(key);
    }

    /** A snapshot of the whole map. */
    public Map<String, V> all() {
        return Map.copyOf(values);
    }

    /**
     * Blocks until the view has read everything committed to the topic at the time of the call.
     *
     * @return {@code false} if that did not happen within {@code timeout}
     */
    public boolean awaitCaughtUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> targets;
        try {
            targets = endOffsets(timeout);
        } catch (RuntimeException e) {
            LOG.debugf(e, "end offsets of %s unavailable", topic);
            return false;
        }
        synchronized (progress) {
            while (!reached(targets)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    progress.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private Map<TopicPartition, Long> endOffsets(Duration timeout) {
        // a separate short-lived consumer: KafkaConsumer is single-threaded
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (PartitionInfo pi : c.partitionsFor(topic, timeout)) {
                parts.add(new TopicPartition(topic, pi.partition()));
            }
            return c.endOffsets(parts, timeout);
        }
    }

    private boolean reached(Map<TopicPartition, Long> targets) {
        Map<TopicPartition, Long> now = positions;
        for (Map.Entry<TopicPartition, Long> t : targets.entrySet()) {
            if (t.getValue() > 0 && now.getOrDefault(t.getKey(), 0L) < t.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void run() {
        try {
            while (running.get()) {
                if (assigned.isEmpty() || partitionCountChanged()) {
                    assignAll();
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    apply(r);
                }
                Map<TopicPartition, Long> pos = new java.util.HashMap<>();
                for (TopicPartition tp : assigned) {
                    pos.put(tp, consumer.position(tp));
                }
                positions = pos;
                synchronized (progress) {
                    progress.notifyAll();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.errorf(e, "view of %s stopped", topic);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private long lastPartitionCheck;

    private boolean partitionCountChanged() {
        long now = System.nanoTime();
        if (now - lastPartitionCheck < 10_000_000_000L) {
            return false;
        }
        lastPartitionCheck = now;
        return consumer.partitionsFor(topic).size() != assigned.size();
    }

    private void assignAll() {
        List<TopicPartition> parts = new ArrayList<>();
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        if (infos == null) {
            return;
        }
        for (PartitionInfo pi : infos) {
            parts.add(new TopicPartition(topic, pi.partition()));
        }
        Set<TopicPartition> before = assigned;
        consumer.assign(parts);
        for (TopicPartition tp : parts) {
            if (!before.contains(tp)) {
                consumer.seekToBeginning(List.of(tp));
            }
        }
        assigned = Set.copyOf(parts);
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.key() == null) {
            LOG.warnf("record without key at %s-%d@%d skipped", r.topic(), r.partition(), r.offset());
            return;
        }
        V value = null;
        if (r.value() != null) {
            try {
                value = decoder.apply(r.value());
            } catch (RuntimeException e) {
                LOG.warnf("undecodable value for key %s at %s-%d@%d skipped: %s", r.key(), r.topic(), r.partition(), r.offset(), e.getMessage());
                return;
            }
        }
        if (value == null) {
            values.remove(r.key());
        } else {
            values.put(r.key(), value);
        }
        for (BiConsumer<String, V> l : listeners) {
            try {
                l.accept(r.key(), value);
            } catch (RuntimeException e) {
                LOG.warnf(e, "listener of %s failed for key %s", topic, r.key());
            }
        }
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
