package dev.streamtune.kafka.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker in KRaft mode, running inside this JVM. The data folder is formatted on first start
 * and reused afterwards, so {@link #stop()} / {@link #start()} and a new broker over the same folder keep
 * topics and records.
 */
public final class EmbeddedKafkaBroker implements KafkaBroker {

    private final KraftConfig config;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(KraftConfig config) {
        this.config = config;
    }

    /** Formats (if needed) and starts a broker; returns once it accepts clients. */
    public static EmbeddedKafkaBroker start(KraftConfig config) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(config.resolvePorts());
        broker.start();
        return broker;
    }

    /** A broker on free ports over a fresh temporary data folder. */
    public static EmbeddedKafkaBroker startTemporary() {
        try {
            return start(KraftConfig.withFreePorts(Files.createTempDirectory("streamtune-kafka-")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        Properties props = config.toProperties();
        formatIfNeeded(props);
        KafkaRaftServer s = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        s.startup();
        server = s;
        BrokerReadiness.await(config.bootstrapServers(), java.time.Duration.ofSeconds(60));
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    /** The settings this broker runs with (ports resolved). */
    public KraftConfig config() {
        return config;
    }

    @Override
    public void close() {
        stop();
    }

    private void formatIfNeeded(Properties props) {
        Path meta = config.dataDir().resolve("meta");
        if (Files.exists(meta.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(config.dataDir());
            Path file = config.dataDir().resolve("server.properties");
            try (var out = Files.newOutputStream(file)) {
                props.store(out, "StreamTune local KRaft broker");
            }
            String clusterId = base64Uuid();
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            int rc = StorageTool.execute(
                    new String[] {"format", "-t", clusterId, "-c", file.toString(), "--ignore-formatted"},
                    new PrintStream(log, true, StandardCharsets.UTF_8));
            if (rc != 0) {
                throw new IllegalStateException("formatting " + config.dataDir() + " failed: " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A random cluster id; never starting with '-', which the storage tool would read as an option (1 in 64). */
    private static String base64Uuid() {
        while (true) {
            UUID u = UUID.randomUUID();
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
            b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
            String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }
}
