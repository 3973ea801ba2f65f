package dev.streamtune.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A StreamTune service (a Quarkus fast-jar) run as a child process for a benchmark. It is destroyed by
 * {@link #close()}, and by a shutdown hook if the benchmark JVM ends first (e.g. on Ctrl-C).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread shutdownHook;

    private ServiceProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.shutdownHook = new Thread(process::destroyForcibly, name + "-destroy");
    }

    /**
     * Starts {@code java -jar jar} with {@code env} added to this process's environment, output to {@code log},
     * and waits until {@code readyUrl} answers 200.
     *
     * @throws IllegalStateException with the end of the log when the process exits or is not ready in time
     */
    public static ServiceProcess start(String name, Path jar, List<String> jvmOptions, Map<String, String> env, Path log,
                                URI readyUrl, Duration timeout) throws IOException, InterruptedException {
        requireJar(name, jar);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar.toAbsolutePath().toString());
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        ServiceProcess s = new ServiceProcess(name, pb.start(), log);
        Runtime.getRuntime().addShutdownHook(s.shutdownHook);
        try {
            s.awaitReady(readyUrl, timeout);
        } catch (IOException | InterruptedException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** Fails with a clear message, before anything is started, when {@code jar} is not built. */
    public static void requireJar(String name, Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " jar " + jar.toAbsolutePath()
                    + " does not exist; build it with: ./mvnw -B -q install -DskipTests");
        }
    }

    private void awaitReady(URI readyUrl, Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(readyUrl).timeout(Duration.ofSeconds(3)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it was ready; end of " + log + ":\n" + tail());
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling until the deadline
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready at " + readyUrl + " after " + timeout.toSeconds()
                        + " s; end of " + log + ":\n" + tail());
            }
            Thread.sleep(250);
        }
    }

    /** The last lines of the process's log. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the process: SIGTERM, then SIGKILL after a grace period. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; it destroys the process
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
