package dev.streamtune.kafka.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Settings for a single-node KRaft broker (combined broker + controller) on the loopback interface.
 *
 * @param dataDir where the log and metadata live
 * @param brokerPort the client port; 0 picks a free one
 * @param controllerPort the controller port; 0 picks a free one
 * @param maxMessageBytes the broker's {@code message.max.bytes}: weights records are megabytes
 */
public record KraftConfig(Path dataDir, int brokerPort, int controllerPort, int maxMessageBytes) {

    /** Default largest record batch the broker accepts: 32 MiB, room for weight artifacts. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

    /** A config with free ports picked now and the default message size. */
    public static KraftConfig withFreePorts(Path dataDir) {
        return new KraftConfig(dataDir, freePort(), freePort(), DEFAULT_MAX_MESSAGE_BYTES);
    }

    /** Replaces port 0 by free ports, so restarts reuse the same address. */
    public KraftConfig resolvePorts() {
        return new KraftConfig(
                dataDir,
                brokerPort == 0 ? freePort() : brokerPort,
                controllerPort == 0 ? freePort() : controllerPort,
                maxMessageBytes);
    }

    /** {@code 127.0.0.1:brokerPort}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** The broker's server properties. */
    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve("logs").toAbsolutePath().toString());
        p.setProperty("metadata.log.dir", dataDir.resolve("meta").toAbsolutePath().toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "4");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "4");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("message.max.bytes", Integer.toString(maxMessageBytes));
        p.setProperty("replica.fetch.max.bytes", Integer.toString(maxMessageBytes));
        p.setProperty("log.cleaner.backoff.ms", "1000");
        p.setProperty("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        return p;
    }

    /** A TCP port on 127.0.0.1 that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
