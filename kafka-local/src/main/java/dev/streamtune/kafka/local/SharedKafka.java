package dev.streamtune.kafka.local;

/**
 * One broker per test JVM, started on first use in the configured mode and closed when the JVM exits. Tests
 * share it (each test uses its own model names and topics), which keeps {@code ./mvnw verify} fast.
 */
public final class SharedKafka {

    private static KafkaBroker broker;

    private SharedKafka() {}

    /** The JVM's shared broker, started if needed. */
    public static synchronized KafkaBroker get() {
        if (broker == null) {
            KafkaBroker b = KafkaBrokers.start();
            Runtime.getRuntime().addShutdownHook(new Thread(b::close, "shared-kafka-shutdown"));
            broker = b;
        }
        return broker;
    }
}
