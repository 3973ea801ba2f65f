package dev.streamtune.ingest.health;

import dev.streamtune.contracts.Topics;
import dev.streamtune.ingest.messaging.KafkaStartup;
import dev.streamtune.ingest.messaging.ModelSpecView;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the topics exist and this replica's model registry has read the model-specs topic up to where it
 * was at startup (before that, sample requests could not tell a new model from an unknown one). Kafka's own
 * readiness check comes from quarkus-kafka-client.
 */
@Readiness
@ApplicationScoped
public class ModelRegistryReadiness implements HealthCheck {

    private final KafkaStartup startup;
    private final ModelSpecView view;
    private final String topic;

    public ModelRegistryReadiness(KafkaStartup startup, ModelSpecView view, Topics topics) {
        this.startup = startup;
        this.view = view;
        this.topic = topics.modelSpecs();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("model registry caught up")
                .status(startup.topicsReady() && view.caughtUp())
                .withData("topics", startup.topicsReady() ? "ready" : "not created yet")
                .withData("topic", topic)
                .withData("models", view.all().size())
                .build();
    }
}
