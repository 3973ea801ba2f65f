package dev.streamtune.inference.it;

import static org.awaitility.Awaitility.await;

import dev.streamtune.kafka.local.KraftConfig;
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
 * One StreamTune service started from its packaged jar ({@code MODULE/target/quarkus-app/quarkus-run.jar}) as an
 * OS process, ready once {@code /q/health/ready} answers 200. Output goes to {@code target/it-logs/}.
 */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final File log;

    private ServiceProcess(String name, Process process, int port, File log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code module}'s packaged service with {@code props} as system properties, without waiting for it
     * (several services start side by side; then {@link #awaitReady}).
     *
     * @throws IllegalStateException when the module is not packaged (run {@code verify} over the three services)
     */
    static ServiceProcess launch(String module, String bootstrap, Map<String, String> props) throws IOException {
        Path jar = Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath().normalize() + " is missing: package " + module
                    + " first (./mvnw -pl ingest-service,trainer-service,inference-service -am verify)");
        }
        int port = KraftConfig.freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        cmd.add("-Dai.djl.offline=true");
        cmd.add("-Dai.djl.pytorch.num_threads=1");
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.add("-Dkafka.bootstrap.servers=" + bootstrap);
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(jar.toAbsolutePath().normalize().toString());
        File log = Files.createDirectories(Path.of("target", "it-logs")).resolve(module + "-" + System.nanoTime() + ".log")
                .toFile();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log);
        String cache = System.getenv("DJL_CACHE_DIR");
        if (cache != null) {
            pb.environment().put("DJL_CACHE_DIR", cache);
        }
        return new ServiceProcess(module, pb.start(), port, log);
    }

    /** Waits until the service answers ready; fails early when it exits. */
    ServiceProcess awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        await(name + " ready; log " + log).atMost(timeout).pollInterval(Duration.ofMillis(300)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                return http.send(HttpRequest.newBuilder(url("/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false; // not listening yet
            }
        });
        return this;
    }

    /** {@code http://127.0.0.1:PORT/path}. */
    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Where its output goes. */
    File log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
