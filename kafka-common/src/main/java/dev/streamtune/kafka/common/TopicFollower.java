package dev.streamtune.kafka.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
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
 * Hands every record of a topic, in order per partition, to a handler on its own thread: every partition assigned
 * (no consumer group, so every replica reads everything), from the beginning, read_committed (records of aborted
 * transactions never arrive); partitions added later are picked up within 10 s. {@link #awaitCaughtUp(Duration)}
 * blocks until everything committed to the topic when it was called has been handled. It keeps nothing itself:
 * {@link CompactedTopicView} keeps the latest value per key on top of it, other handlers keep what they need.
 *
 * <p>On demand (see {@link #onDemand}) it has no thread: {@link #awaitCaughtUp(Duration)} reads on the caller's
 * thread and hands the records over there, and nothing is fetched in between. For a topic that is only needed at
 * certain moments and whose records are large (the trainer's checkpoints, which it would otherwise read back after
 * writing each one).
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TopicFollower.class);
    private static final long PARTITION_CHECK_NANOS = 10_000_000_000L;
    private final String topic;
    private final String bootstrapServers;
    private final Consumer<ConsumerRecord<String, byte[]>> handler;
    private final KafkaConsumer<String, byte[]> consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** The reading thread; {@code null} on demand, where {@link #awaitCaughtUp} reads. */
    private final Thread thread;
    private final Object progress = new Object();
    private volatile Map<TopicPartition, Long> positions = Map.of();
    private volatile Set<TopicPartition> assigned = Set.of();
    private long lastPartitionCheck;

    /**
     * Starts following {@code topic} (which must exist) on a thread named {@code name}.
     *
     * @param handler called for every record on the follower's thread; an exception it throws stops the follower
     */
    public TopicFollower(String bootstrapServers, String topic, String name, Consumer<ConsumerRecord<String, byte[]>> handler) {
        this(bootstrapServers, topic, name, handler, false);
    }

    /**
     * A follower without a thread that reads only inside {@link #awaitCaughtUp(Duration)}, handing records over
     * on the caller's thread (see the class comment).
     */
    public static TopicFollower onDemand(String bootstrapServers, String topic, String name,
            Consumer<ConsumerRecord<String, byte[]>> handler) {
        return new TopicFollower(bootstrapServers, topic, name, handler, true);
    }

    private TopicFollower(String bootstrapServers, String topic, String name, Consumer<ConsumerRecord<String, byte[]>> handler,
            boolean onDemand) {
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.handler = handler;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, name + "-" + UUID.randomUUID());
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024 * 1024);
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        if (onDemand) {
            this.thread = null;
        } else {
            this.thread = new Thread(this::run, name);
            this.thread.setDaemon(true);
            this.thread.start();
        }
    }

    /**
     * Blocks until every record committed to the topic at the time of the call has been handled.
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
        if (thread == null) {
            return readUntil(targets, deadline);
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

    /** On demand: reads on this thread until {@code targets} are reached; {@code false} at the deadline or on error. */
    private boolean readUntil(Map<TopicPartition, Long> targets, long deadline) {
        synchronized (consumer) {
            try {
                while (running.get() && !reached(targets)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    pollOnce(Duration.ofNanos(Math.min(left, 200_000_000L)));
                }
                return running.get();
            } catch (RuntimeException e) {
                LOG.warnf(e, "reading %s failed", topic);
                return false;
            }
        }
    }

    /**
     * Whether the follower thread still runs (it stops on close, or when the handler or Kafka fails); on demand,
     * whether it is not closed.
     */
    public boolean alive() {
        return thread == null ? running.get() : thread.isAlive();
    }

    private Map<TopicPartition, Long> endOffsets(Duration timeout) {
        // a separate short-lived consumer: KafkaConsumer is single-threaded
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
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
                pollOnce(Duration.ofMillis(200));
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.errorf(e, "follower of %s stopped", topic);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** One poll: (re)assigns partitions when needed, hands the records over, publishes the positions. */
    private void pollOnce(Duration wait) {
        if (assigned.isEmpty() || partitionCountChanged()) {
            assignAll();
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(wait)) {
            handler.accept(r);
        }
        Map<TopicPartition, Long> pos = new HashMap<>();
        for (TopicPartition tp : assigned) {
            pos.put(tp, consumer.position(tp));
        }
        positions = pos;
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    private boolean partitionCountChanged() {
        long now = System.nanoTime();
        if (now - lastPartitionCheck < PARTITION_CHECK_NANOS) {
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

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup(); // ends a poll in progress (on demand: a catch-up then answers false)
        if (thread == null) {
            synchronized (consumer) {
                consumer.close(Duration.ofSeconds(2));
            }
            return;
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
