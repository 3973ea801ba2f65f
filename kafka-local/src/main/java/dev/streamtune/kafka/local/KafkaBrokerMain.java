package dev.streamtune.kafka.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Runs a single-node KRaft broker as its own process: {@code ./streamtune kafka} and
 * {@link ForkedKafkaBroker} use it.
 *
 * <pre>
 * java -cp ... dev.streamtune.kafka.local.KafkaBrokerMain --data-dir DIR [--port 9092] [--controller-port 9093]
 *      [--exit-on-stdin-eof]
 * </pre>
 *
 * <p>Prints {@value #READY_MARKER} followed by {@code bootstrap=HOST:PORT} once clients can connect. With
 * {@code --exit-on-stdin-eof} it stops when its standard input closes, so a broker forked by a test dies with the
 * test JVM even if that JVM is killed.
 */
public final class KafkaBrokerMain {

    /** The line prefix printed once the broker is ready. */
    public static final String READY_MARKER = "STREAMTUNE_KAFKA_READY";

    private KafkaBrokerMain() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(".streamtune/kafka");
        int port = 9092;
        int controllerPort = 0;
        boolean exitOnEof = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--controller-port" -> controllerPort = Integer.parseInt(args[++i]);
                case "--exit-on-stdin-eof" -> exitOnEof = true;
                default -> {
                    System.err.println("unknown option " + args[i]
                            + "; usage: --data-dir DIR [--port N] [--controller-port N] [--exit-on-stdin-eof]");
                    System.exit(2);
                }
            }
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(
                new KraftConfig(dataDir, port, controllerPort, KraftConfig.DEFAULT_MAX_MESSAGE_BYTES));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-shutdown"));
        System.out.println(READY_MARKER + " bootstrap=" + broker.bootstrapServers() + " data=" + dataDir.toAbsolutePath());
        System.out.flush();
        if (exitOnEof) {
            waitForEof(System.in);
            System.exit(0);
        }
        Thread.currentThread().join();
    }

    private static void waitForEof(InputStream in) {
        byte[] buf = new byte[64];
        try {
            while (in.read(buf) >= 0) {
                // keep reading until the parent closes the pipe
            }
        } catch (IOException e) {
            // a broken pipe means the parent is gone, too
        }
    }
}
