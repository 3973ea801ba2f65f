package dev.streamtune.trainer.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A trainer-service started from its packaged jar as a separate OS process, so tests can SIGKILL it like a
 * crashed pod. Output goes to {@code target/it-logs/NAME-N.log}.
 */
final class TrainerProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private final Process process;
    private final int port;

    private TrainerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a trainer with {@code props} as system properties and waits until it is ready. */
    static TrainerProcess start(String name, String bootstrap, Map<String, String> props) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the package phase first");
        }
        int port = dev.streamtune.kafka.local.KraftConfig.freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1500m");
        cmd.add("-Dai.djl.offline=true");
        cmd.add("-Dai.djl.pytorch.num_threads=1");
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.add("-Dkafka.bootstrap.servers=" + bootstrap);
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(JAR.toString());
        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        File log = logs.resolve(name + "-" + System.nanoTime() + ".log").toFile();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log);
        String cache = System.getenv("DJL_CACHE_DIR");
        if (cache != null) {
            pb.environment().put("DJL_CACHE_DIR", cache);
        }
        TrainerProcess t = new TrainerProcess(pb.start(), port);
        t.awaitReady(Duration.ofSeconds(120), log);
        return t;
    }

    private void awaitReady(Duration timeout, File log) {
        HttpClient http = HttpClient.newHttpClient();
        org.awaitility.Awaitility.await("trainer ready; log " + log).atMost(timeout).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("trainer exited with " + process.exitValue() + "; see " + log);
                    }
                    try {
                        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                    } catch (IOException e) {
                        return false; // not listening yet
                    }
                });
    }

    /** SIGKILL: no shutdown hook, no transaction commit, like a node that lost power. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
