package dev.streamtune.ingest.messaging;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.streamtune.contracts.ModelSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * This replica's view of the compacted model-specs topic: a background consumer (no group, read_committed)
 * reads it from the beginning into a map, and keeps following it. Every replica builds the same map, and a
 * restarted one rebuilds it, so all answer alike.
 *
 * <p>{@link #caughtUp()} turns true once the view has read up to the end offsets it saw when it started
 * (readiness waits for it). {@link #awaitApplied} lets a writer wait until its own record is in the view
 * (read-your-writes).
 */
public final class ModelSpecView implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ModelSpecView.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final long RECONNECT_MILLIS = 1000;

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final String topic;
    private final ObjectReader specReader;
    private final ConcurrentMap<String, ModelSpec> specs = new ConcurrentHashMap<>();
    private final Map<Integer, Long> positions = new HashMap<>(); // guarded by this
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean caughtUp;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    /**
     * @param consumers makes a consumer (read_committed, no group, byte values)
     * @param topic the model-specs topic
     * @param specReader reads a {@link ModelSpec} from JSON
     */
    public ModelSpecView(Supplier<Consumer<String, byte[]>> consumers, String topic, ObjectReader specReader) {
        this.consumers = consumers;
        this.topic = topic;
        this.specReader = specReader;
    }

    /** Starts following the topic in a background thread. */
    public synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::follow, "model-spec-view");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** The spec of {@code name}, if registered. */
    public Optional<ModelSpec> get(String name) {
        return Optional.ofNullable(specs.get(name));
    }

    /** All specs, by name. */
    public List<ModelSpec> all() {
        return specs.values().stream().sorted(Comparator.comparing(ModelSpec::name)).toList();
    }

    /** Whether the view has read everything that was on the topic when it started. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /**
     * Waits until the view has caught up (right after startup), at most {@code timeoutMillis}.
     *
     * @return whether it has
     */
    public synchronized boolean awaitCaughtUp(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!caughtUp) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /**
     * Waits until the record at {@code offset} of {@code partition} is in the view.
     *
     * @return {@code false} if it is not there after {@code timeoutMillis}
     */
    public synchronized boolean awaitApplied(int partition, long offset, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (positions.getOrDefault(partition, -1L) <= offset) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    private void follow() {
        while (stopped.getCount() > 0) {
            try (Consumer<String, byte[]> c = consumers.get()) {
                consumer = c;
                List<TopicPartition> partitions = assign(c);
                Map<TopicPartition, Long> targets = c.endOffsets(partitions);
                while (stopped.getCount() > 0) {
                    for (ConsumerRecord<String, byte[]> r : c.poll(POLL)) {
                        apply(r);
                    }
                    advance(c, partitions, targets);
                }
            } catch (WakeupException e) {
                LOG.debug("model spec view woken up to stop");
            } catch (RuntimeException e) {
                LOG.warnf("model spec view lost %s (%s); reconnecting", topic, e.toString());
                awaitStop(RECONNECT_MILLIS);
            }
        }
    }

    private List<TopicPartition> assign(Consumer<String, byte[]> c) {
        List<PartitionInfo> infos = c.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist yet");
        }
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        c.assign(partitions);
        synchronized (this) {
            for (TopicPartition tp : partitions) {
                Long position = positions.get(tp.partition());
                if (position == null) {
                    c.seekToBeginning(List.of(tp));
                } else {
                    c.seek(tp, position); // reconnected: carry on where the view is
                }
            }
        }
        return partitions;
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.key() == null) {
            LOG.errorf("%s offset %d has no key; ignored", topic, r.offset());
        } else if (r.value() == null) {
            specs.remove(r.key());
        } else {
            try {
                specs.put(r.key(), specReader.readValue(r.value()));
            } catch (IOException e) {
                LOG.errorf("%s offset %d (model %s) is not a valid spec, previous spec kept: %s", topic, r.offset(),
                        r.key(), e.getMessage());
            }
        }
    }

    private synchronized void advance(Consumer<String, byte[]> c, List<TopicPartition> partitions,
            Map<TopicPartition, Long> targets) {
        boolean reached = true;
        for (TopicPartition tp : partitions) {
            long position = c.position(tp);
            positions.put(tp.partition(), position);
            reached &= position >= targets.getOrDefault(tp, 0L);
        }
        if (reached && !caughtUp) {
            caughtUp = true;
            LOG.infof("model registry caught up with %s: %d model(s)", topic, specs.size());
        }
        notifyAll();
    }

    private void awaitStop(long millis) {
        try {
            stopped.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.countDown();
        }
    }

    @Override
    public void close() {
        stopped.countDown();
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
