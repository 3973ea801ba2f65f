package dev.streamtune.kafka.local;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Apache Kafka in a Testcontainers container: the only class that touches Testcontainers, so machines without
 * Docker never load it unless asked. {@link #stop()}/{@link #start()} pause and resume the container, keeping
 * its address.
 */
public final class ContainerKafkaBroker implements KafkaBroker {

    /** The official Apache Kafka image matching the client version. */
    public static final String IMAGE = "apache/kafka:4.1.2";
    private final KafkaContainer container;
    private boolean paused;

    private ContainerKafkaBroker(KafkaContainer container) {
        this.container = container;
    }

    /** Whether a Docker engine answers here. */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }

    /** Starts a container and waits until Kafka in it is ready. */
    public static ContainerKafkaBroker startContainer() {
        KafkaContainer c = new KafkaContainer(IMAGE)
                .withEnv("KAFKA_MESSAGE_MAX_BYTES", Integer.toString(KraftConfig.DEFAULT_MAX_MESSAGE_BYTES));
        c.start();
        return new ContainerKafkaBroker(c);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers().replace("PLAINTEXT://", "");
    }

    @Override
    public synchronized void stop() {
        if (!paused) {
            container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
            paused = true;
        }
    }

    @Override
    public synchronized void start() {
        if (paused) {
            container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
            paused = false;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return !paused && container.isRunning();
    }

    @Override
    public void close() {
        container.stop();
    }
}
