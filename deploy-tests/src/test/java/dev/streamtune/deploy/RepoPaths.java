package dev.streamtune.deploy;

import java.nio.file.Path;

/** Where the repository root is: the {@code streamtune.root} system property (set by the pom), else the parent dir. */
final class RepoPaths {

    private RepoPaths() {
    }

    /** The repository root, normalised. */
    static Path root() {
        return Path.of(System.getProperty("streamtune.root", "..")).toAbsolutePath().normalize();
    }

    /** The {@code deploy/} directory. */
    static Path deploy() {
        return root().resolve("deploy");
    }

    /** The Kafka version the project builds against (the pom's {@code kafka.version}). */
    static String kafkaVersion() {
        String version = System.getProperty("streamtune.kafka.version");
        if (version == null || version.isBlank()) {
            throw new IllegalStateException("system property streamtune.kafka.version is not set (run through Maven)");
        }
        return version;
    }
}
