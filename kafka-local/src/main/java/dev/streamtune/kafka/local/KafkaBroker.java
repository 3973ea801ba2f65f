package dev.streamtune.kafka.local;

/**
 * A running Apache Kafka broker that StreamTune can talk to.
 *
 * <p>Implementations: {@link EmbeddedKafkaBroker} (KRaft in this JVM), {@link ForkedKafkaBroker} (KRaft in a
 * child process that dies with its parent), {@link ContainerKafkaBroker} (Testcontainers, where Docker exists)
 * and {@link ExternalKafkaBroker} (an address you give). Pick one with {@link KafkaBrokers#start(String)}.
 */
public interface KafkaBroker extends AutoCloseable {

    /** The {@code bootstrap.servers} value clients use, e.g. {@code 127.0.0.1:9092}. */
    String bootstrapServers();

    /**
     * Stops the broker but keeps its data and address, so {@link #start()} brings the same broker back (used to
     * test what clients do while Kafka is down).
     *
     * @throws UnsupportedOperationException for brokers this process does not own
     */
    void stop();

    /** Starts the broker again after {@link #stop()}, on the same address and data. */
    void start();

    /** Whether the broker is currently running. */
    boolean isRunning();

    /** Stops the broker for good. Idempotent. */
    @Override
    void close();
}
