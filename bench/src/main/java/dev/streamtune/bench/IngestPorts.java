package dev.streamtune.bench;

import dev.streamtune.kafka.local.KraftConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

/**
 * The loopback ports an ingest benchmark runs its broker and service on. A port of 0 means "any free port";
 * a fixed port must be free now, or the benchmark stops before starting anything.
 *
 * @param kafka the broker's client port
 * @param controller the broker's KRaft controller port
 * @param http the ingest service's HTTP port
 */
record IngestPorts(int kafka, int controller, int http) {

    /** Resolves 0 to free ports and checks that fixed ones are free. */
    static IngestPorts claim(int kafka, int controller, int http) {
        return new IngestPorts(resolve(kafka, "--kafka-port"), resolve(controller, "--controller-port"),
                resolve(http, "--http-port"));
    }

    /** {@code http://127.0.0.1:HTTP}. */
    URI httpBase() {
        return URI.create("http://127.0.0.1:" + http);
    }

    private static int resolve(int port, String option) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(option + " must be a TCP port (0 for any free one), got " + port);
        }
        if (port == 0) {
            return KraftConfig.freePort();
        }
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on 127.0.0.1 is in use (is the local stack running?"
                    + " ./streamtune down stops it); pass " + option + " to use another one");
        }
    }
}
