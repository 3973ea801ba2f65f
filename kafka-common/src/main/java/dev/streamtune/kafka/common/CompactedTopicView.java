package dev.streamtune.kafka.common;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * A live, read-only map of a compacted topic: key to the latest value, a tombstone removes the key. It reads
 * every partition from the beginning (no consumer group, read_committed) on its own thread through a
 * {@link TopicFollower}, so every replica and every restart sees the same map. {@link #awaitCaughtUp(Duration)}
 * blocks until the map reflects everything committed to the topic when it was called (read-your-writes after a
 * produce).
 *
 * @param <V> the decoded value type
 */
public final class CompactedTopicView<V> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CompactedTopicView.class);
    private final String topic;
    private final Function<byte[], V> decoder;
    private final Map<String, V> values = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, V>> listeners = new CopyOnWriteArrayList<>();
    private final TopicFollower follower;

    /**
     * Starts following {@code topic} (which must exist).
     *
     * @param decoder bytes to value; a value it cannot decode is logged and skipped (it throws)
     */
    public CompactedTopicView(String bootstrapServers, String topic, Function<byte[], V> decoder) {
        this(bootstrapServers, topic, decoder, false);
    }

    /**
     * A view that reads the topic only inside {@link #awaitCaughtUp(Duration)}, on the caller's thread (listeners
     * are called there too), so between those calls it shows the map as of the last one (see
     * {@link TopicFollower#onDemand}).
     */
    public static <V> CompactedTopicView<V> onDemand(String bootstrapServers, String topic, Function<byte[], V> decoder) {
        return new CompactedTopicView<>(bootstrapServers, topic, decoder, true);
    }

    private CompactedTopicView(String bootstrapServers, String topic, Function<byte[], V> decoder, boolean onDemand) {
        this.topic = topic;
        this.decoder = decoder;
        this.follower = onDemand ? TopicFollower.onDemand(bootstrapServers, topic, "view-" + topic, this::apply)
                : new TopicFollower(bootstrapServers, topic, "view-" + topic, this::apply);
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
        return follower.awaitCaughtUp(timeout);
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
        follower.close();
    }
}
