package dev.streamtune.kafka.local;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that hands tests the JVM's {@link SharedKafka} broker as a {@link KafkaBroker} parameter
 * (constructor, lifecycle or test method): {@code @ExtendWith(KafkaExtension.class)}.
 */
public class KafkaExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return SharedKafka.get();
    }
}
