package dev.streamtune.kafka.common;

import dev.streamtune.contracts.TopicLayout;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates missing topics from their {@link TopicLayout}s (from contracts); existing topics are left as they are. */
public final class TopicCreator {

    private TopicCreator() {}

    /**
     * Creates those of {@code layouts} that do not exist yet, with {@code replicationFactor} replicas (1 for a
     * local broker, 3 for a production cluster).
     *
     * @throws IllegalStateException when Kafka cannot be reached within {@code timeoutMs}
     */
    public static void ensure(String bootstrapServers, Collection<TopicLayout> layouts, short replicationFactor, long timeoutMs) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMs, 10_000));
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicLayout l : layouts) {
                if (!existing.contains(l.name())) {
                    missing.add(new NewTopic(l.name(), l.partitions(), replicationFactor).configs(l.configs()));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            for (var f : admin.createTopics(missing).values().values()) {
                try {
                    f.get(timeoutMs, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic: " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " unreachable while creating topics", e);
        }
    }
}
