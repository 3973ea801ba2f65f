package dev.streamtune.kafka.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A KRaft broker in a child JVM ({@link KafkaBrokerMain}) with this JVM's class path. The child reads its
 * standard input and exits when the pipe closes, so it never outlives the process that forked it.
 */
public final class ForkedKafkaBroker implements KafkaBroker {

    private static final long START_TIMEOUT_S = 90;
    private final KraftConfig config;
    private Process process;

    private ForkedKafkaBroker(KraftConfig config) {
        this.config = config;
    }

    /** Forks a broker over {@code config} (ports resolved first) and waits until it is ready. */
    public static ForkedKafkaBroker start(KraftConfig config) {
        ForkedKafkaBroker b = new ForkedKafkaBroker(config.resolvePorts());
        b.start();
        return b;
    }

    /** A forked broker on free ports over a fresh temporary folder. */
    public static ForkedKafkaBroker startTemporary() {
        try {
            return start(KraftConfig.withFreePorts(Files.createTempDirectory("streamtune-kafka-")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void start() {
        if (process != null) {
            return;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        // trainer checkpoints are records of several MB: with G1's default 1 MB regions under this heap each request
        // buffer is a humongous object that starts a concurrent cycle (16 MB regions, as Kafka's docs advise)
        cmd.add("-XX:G1HeapRegionSize=16m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(KafkaBrokerMain.class.getName());
        cmd.addAll(List.of(
                "--data-dir", config.dataDir().toString(),
                "--port", Integer.toString(config.brokerPort()),
                "--controller-port", Integer.toString(config.controllerPort()),
                "--exit-on-stdin-eof"));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            CompletableFuture<Void> ready = new CompletableFuture<>();
            Thread pump = new Thread(() -> pumpOutput(p, ready), "kafka-forked-output");
            pump.setDaemon(true);
            pump.start();
            try {
                ready.get(START_TIMEOUT_S, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
                throw new IllegalStateException("forked Kafka broker did not start", e);
            }
            process = p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fork a Kafka broker", e);
        }
    }

    private static void pumpOutput(Process p, CompletableFuture<Void> ready) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(KafkaBrokerMain.READY_MARKER)) {
                    ready.complete(null);
                } else if (line.contains("ERROR") || line.contains("Exception")) {
                    System.err.println("[kafka] " + line);
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
        try {
            int rc = p.waitFor();
            ready.completeExceptionally(new IllegalStateException("broker process exited with " + rc));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    @Override
    public void close() {
        stop();
    }
}
