package dev.streamtune.kafka.common;

import dev.streamtune.contracts.TopicLayout;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Creates topics from their {@link TopicLayout}s (from contracts) when missing; topics that exist are left as they
 * are. Every service creates the topics it needs at start, so any one of them can be started first.
 */
public final class TopicCreator {

    /** The replication factor that means "the broker's {@code default.replication.factor}". */
    public static final short BROKER_DEFAULT = -1;

    private static final Logger LOG = Logger.getLogger(TopicCreator.class);

    private final Supplier<Admin> admins;
    private final short replicationFactor;

    /**
     * @param admins makes an admin client (closed after each {@link #ensure})
     * @param replicationFactor replication factor of new topics; {@link #BROKER_DEFAULT} (any negative value) for
     *     the broker's default, which suits a local broker (1) and a production cluster (3) alike
     */
    public TopicCreator(Supplier<Admin> admins, short replicationFactor) {
        this.admins = admins;
        this.replicationFactor = replicationFactor;
    }

    /** A creator whose admin client knows only {@code bootstrapServers} and waits at most {@code timeout}. */
    public static TopicCreator at(String bootstrapServers, short replicationFactor, Duration timeout) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 10_000));
        return new TopicCreator(() -> Admin.create(p), replicationFactor);
    }

    /**
     * {@code at(bootstrapServers, replicationFactor, timeout).ensure(layouts, timeout)}.
     *
     * @throws IllegalStateException if Kafka did not answer within {@code timeoutMs} or refused a topic
     */
    public static List<String> ensure(String bootstrapServers, Collection<TopicLayout> layouts, short replicationFactor,
            long timeoutMs) {
        Duration timeout = Duration.ofMillis(timeoutMs);
        return at(bootstrapServers, replicationFactor, timeout).ensure(layouts, timeout);
    }

    /**
     * Creates every missing topic of {@code layouts}.
     *
     * @return the names of the topics created now, sorted (empty when all existed)
     * @throws IllegalStateException if Kafka did not answer within {@code timeout} or refused a topic
     */
    public List<String> ensure(Collection<TopicLayout> layouts, Duration timeout) {
        Optional<Short> replication = replicationFactor < 0 ? Optional.empty() : Optional.of(replicationFactor);
        List<NewTopic> topics = layouts.stream()
                .map(l -> new NewTopic(l.name(), Optional.of(l.partitions()), replication).configs(l.configs()))
                .toList();
        try (Admin admin = admins.get()) {
            Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
            return results.entrySet().stream().filter(e -> created(e.getKey(), e.getValue(), timeout))
                    .map(Map.Entry::getKey).sorted().toList();
        }
    }

    private static boolean created(String topic, KafkaFuture<Void> result, Duration timeout) {
        try {
            result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.infof("created topic %s", topic);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                LOG.debugf("topic %s already exists", topic);
                return false;
            }
            throw new IllegalStateException("could not create topic " + topic + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not create topic " + topic + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        }
    }
}
