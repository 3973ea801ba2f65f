package dev.streamtune.kafka.local;

import java.util.Locale;

/**
 * Starts a broker by mode: {@code auto} (Testcontainers when Docker is available, else embedded),
 * {@code embedded}, {@code forked}, {@code testcontainers}, or {@code external:host:port}.
 *
 * <p>The mode comes from the system property {@value #MODE_PROPERTY}, else the environment variable
 * {@value #MODE_ENV}, else {@code auto}.
 */
public final class KafkaBrokers {

    /** System property naming the mode. */
    public static final String MODE_PROPERTY = "streamtune.kafka.mode";
    /** Environment variable naming the mode. */
    public static final String MODE_ENV = "STREAMTUNE_KAFKA_MODE";

    private KafkaBrokers() {}

    /** The configured mode string. */
    public static String configuredMode() {
        String mode = System.getProperty(MODE_PROPERTY);
        if (mode == null || mode.isBlank()) {
            mode = System.getenv(MODE_ENV);
        }
        return mode == null || mode.isBlank() ? "auto" : mode.trim();
    }

    /** Starts (or, for {@code external:}, reaches) a broker in the configured mode. */
    public static KafkaBroker start() {
        return start(configuredMode());
    }

    /** Starts (or, for {@code external:}, reaches) a broker in the given mode. */
    public static KafkaBroker start(String mode) {
        String m = mode.trim();
        if (m.toLowerCase(Locale.ROOT).startsWith("external:")) {
            String address = m.substring("external:".length());
            if (!address.matches("[^:\\s]+:\\d{1,5}(,[^:\\s]+:\\d{1,5})*")) {
                throw new IllegalArgumentException("external Kafka mode needs host:port, got '" + address + "'");
            }
            return new ExternalKafkaBroker(address);
        }
        return switch (m.toLowerCase(Locale.ROOT)) {
            case "auto" -> ContainerKafkaBroker.dockerAvailable()
                    ? ContainerKafkaBroker.startContainer()
                    : EmbeddedKafkaBroker.startTemporary();
            case "embedded" -> EmbeddedKafkaBroker.startTemporary();
            case "forked" -> ForkedKafkaBroker.startTemporary();
            case "testcontainers" -> ContainerKafkaBroker.startContainer();
            default -> throw new IllegalArgumentException("unknown Kafka mode '" + mode
                    + "'; use auto, embedded, forked, testcontainers or external:host:port");
        };
    }
}
