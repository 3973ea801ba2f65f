package dev.streamtune.inference.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Every record of the {@code model-versions} topic, in order, on its own thread: all partitions assigned (no
 * consumer group, so every replica reads everything), from the beginning, read_committed (versions of aborted
 * trainer transactions never arrive). Unlike a compacted-topic view it keeps nothing: the handler decides what
 * to keep, so old artifacts do not pile up in memory.
 */
public final class VersionFeed implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(VersionFeed.class);
    private final String topic;
    private final String bootstrap;
    private final Consumer<ConsumerRecord<String, byte[]>> handler;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final Object progress = new Object();
    private volatile boolean running = true;
    private volatile Map<TopicPartition, Long> positions = Map.of();

    /** Starts reading {@code topic} (which must exist) and handing each record to {@code handler}. */
    public VersionFeed(String bootstrap, String topic, Consumer<ConsumerRecord<String, byte[]>> handler) {
        this.topic = topic;
        this.bootstrap = bootstrap;
        this.handler = handler;
        this.consumer = new KafkaConsumer<>(InferenceKafka.readerProperties(bootstrap, "versions-" + UUID.randomUUID()),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "version-feed");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Blocks until every record committed to the topic before this call has been handled.
     *
     * @return {@code false} if that did not happen within {@code timeout}
     */
    public boolean awaitCaughtUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> targets;
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(InferenceKafka.readerProperties(bootstrap, "versions-end-offsets"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            targets = c.endOffsets(partitions(c, timeout), timeout);
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

    private boolean reached(Map<TopicPartition, Long> targets) {
        Map<TopicPartition, Long> now = positions;
        return targets.entrySet().stream().allMatch(t -> now.getOrDefault(t.getKey(), 0L) >= t.getValue());
    }

    private List<TopicPartition> partitions(KafkaConsumer<?, ?> c, Duration timeout) {
        List<TopicPartition> parts = new ArrayList<>();
        for (PartitionInfo pi : c.partitionsFor(topic, timeout)) {
            parts.add(new TopicPartition(topic, pi.partition()));
        }
        return parts;
    }

    private void run() {
        try {
            List<TopicPartition> parts = partitions(consumer, Duration.ofSeconds(30));
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    handler.accept(r);
                }
                Map<TopicPartition, Long> pos = new HashMap<>();
                for (TopicPartition tp : parts) {
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
            LOG.errorf(e, "version feed of %s stopped", topic);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Whether the feed thread is still reading. */
    public boolean alive() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
