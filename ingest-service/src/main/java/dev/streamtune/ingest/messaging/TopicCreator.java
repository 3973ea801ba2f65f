package dev.streamtune.ingest.messaging;

import dev.streamtune.contracts.TopicLayout;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/** Creates topics from their {@link TopicLayout}s when missing; topics that exist are left as they are. */
public final class TopicCreator {

    private static final Logger LOG = Logger.getLogger(TopicCreator.class);

    private final Supplier<Admin> admins;
    private final short replicationFactor;

    /**
     * @param admins makes an admin client
     * @param replicationFactor replication factor of new topics; {@code -1} for the broker's default
     */
    public TopicCreator(Supplier<Admin> admins, short replicationFactor) {
        this.admins = admins;
        this.replicationFactor = replicationFactor;
    }

    /**
     * Creates every missing topic of {@code layouts}.
     *
     * @return the names of the topics created now (empty when all existed)
     * @throws IllegalStateException if Kafka did not answer within {@code timeout} or refused a topic
     */
    public List<String> ensure(List<TopicLayout> layouts, Duration timeout) {
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
