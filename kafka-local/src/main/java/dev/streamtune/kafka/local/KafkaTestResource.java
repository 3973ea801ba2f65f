package dev.streamtune.kafka.local;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource that points the application at the JVM's {@link SharedKafka} broker. Use with
 * {@code @QuarkusTestResource(KafkaTestResource.class)} (or {@code @WithTestResource}); inject the broker into
 * a test with a field annotated {@link InjectKafkaBroker}.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        broker = SharedKafka.get();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(broker, new TestInjector.AnnotatedAndMatchesType(InjectKafkaBroker.class, KafkaBroker.class));
    }

    @Override
    public void stop() {
        // shared across the JVM; closed by SharedKafka's shutdown hook
    }
}
