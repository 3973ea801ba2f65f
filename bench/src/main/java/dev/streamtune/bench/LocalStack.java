package dev.streamtune.bench;

import dev.streamtune.contracts.TopicLayout;
import dev.streamtune.contracts.Topics;
import dev.streamtune.kafka.common.TopicCreator;
import dev.streamtune.kafka.local.KraftConfig;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The three StreamTune services started from their packaged jars as child processes on free ports, against a
 * given Kafka, configured as {@code ./streamtune up} configures them (API keys, a shared signing key). Used by
 * {@code bench e2e} and the end-to-end test. Closing it stops the services, not the broker.
 */
public final class LocalStack implements AutoCloseable {

    /**
     * The services, in start order, with their JVM options. The trainer and inference run DJL's PyTorch engine
     * with one intra-op and one inter-op thread, as {@code ./streamtune up} does: their head-sized operations gain
     * nothing from more, and on a busy machine threads that wait for each other make every training step many
     * times slower ({@code bench e2e}: 113 ms per sample with the default threads, 7 ms with one).
     */
    public enum Service {
        INGEST("ingest-service", List.of("-Xmx1g")),
        TRAINER("trainer-service", List.of("-Xmx2g", "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1")),
        INFERENCE("inference-service", List.of("-Xmx2g", "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1"));

        private final String module;
        private final List<String> jvmOptions;

        Service(String module, List<String> jvmOptions) {
            this.module = module;
            this.jvmOptions = jvmOptions;
        }

        /** The service's packaged jar under the repository root. */
        public Path jar(Path root) {
            return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String bootstrap;
    private final Map<Service, Integer> ports;
    private final Map<Service, ServiceProcess> processes;
    private final String adminKey;
    private final String producerKey;

    private LocalStack(String bootstrap, Map<Service, Integer> ports, Map<Service, ServiceProcess> processes,
            String adminKey, String producerKey) {
        this.bootstrap = bootstrap;
        this.ports = ports;
        this.processes = processes;
        this.adminKey = adminKey;
        this.producerKey = producerKey;
    }

    /**
     * Creates the topics, starts the three services in parallel and waits until each is ready.
     *
     * @param root the repository root (where {@code ingest-service/target/...} lies)
     * @param logDir where each service's output goes ({@code NAME.log})
     * @param systemProperties extra {@code -D} settings per service (e.g. the trainer's poll wait); they come
     *     after the defaults, so they override them
     * @throws IllegalStateException when a jar is missing or a service does not become ready (with its log's end)
     */
    public static LocalStack start(String bootstrap, Path root, Path logDir, Map<Service, Map<String, String>> systemProperties)
            throws Exception {
        for (Service s : Service.values()) {
            ServiceProcess.requireJar(s.module, s.jar(root));
        }
        TopicCreator.ensure(bootstrap, TopicLayout.all(Topics.defaults()), (short) 1, 30_000);
        String adminKey = "admin-" + randomHex();
        String producerKey = "producer-" + randomHex();
        String signingKey = randomHex();
        Map<Service, Integer> ports = new LinkedHashMap<>();
        for (Service s : Service.values()) {
            ports.put(s, KraftConfig.freePort());
        }
        ExecutorService starter = Executors.newFixedThreadPool(Service.values().length);
        Map<Service, Future<ServiceProcess>> starting = new LinkedHashMap<>();
        try {
            for (Service s : Service.values()) {
                List<String> jvm = new ArrayList<>(s.jvmOptions);
                jvm.add("-Dai.djl.offline=true");
                systemProperties.getOrDefault(s, Map.of()).forEach((k, v) -> jvm.add("-D" + k + "=" + v));
                Map<String, String> env = serviceEnv(bootstrap, ports.get(s), adminKey, producerKey, signingKey);
                env.put("TRAINER_INSTANCE_ID", "e2e-" + randomHex().substring(0, 8));
                URI ready = URI.create("http://127.0.0.1:" + ports.get(s) + "/q/health/ready");
                starting.put(s, starter.submit(() -> ServiceProcess.start(s.module, s.jar(root), jvm, env,
                        logDir.resolve(s.module + ".log"), ready, START_TIMEOUT)));
            }
            Map<Service, ServiceProcess> started = new LinkedHashMap<>();
            Exception failure = null;
            for (Map.Entry<Service, Future<ServiceProcess>> e : starting.entrySet()) {
                try {
                    started.put(e.getKey(), e.getValue().get());
                } catch (ExecutionException ex) {
                    failure = failure == null && ex.getCause() instanceof Exception c ? c : failure;
                }
            }
            if (failure != null) {
                started.values().forEach(ServiceProcess::close);
                throw failure;
            }
            return new LocalStack(bootstrap, ports, started, adminKey, producerKey);
        } finally {
            starter.shutdown();
        }
    }

    /** The environment {@code ./streamtune up} gives every service. */
    private static Map<String, String> serviceEnv(String bootstrap, int port, String adminKey, String producerKey,
            String signingKey) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("INGEST_SECURITY_MODE", "keys");
        env.put("INGEST_SECURITY_ADMIN_KEY", adminKey);
        env.put("INGEST_SECURITY_PRODUCER_KEYS", producerKey);
        env.put("INFERENCE_SECURITY_MODE", "keys");
        env.put("INFERENCE_SECURITY_ADMIN_KEY", adminKey);
        env.put("STREAMTUNE_SIGNING_KEY", signingKey);
        return env;
    }

    private static String randomHex() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The Kafka bootstrap address the services use. */
    public String bootstrap() {
        return bootstrap;
    }

    /** {@code http://127.0.0.1:PORT} of a service. */
    public URI url(Service s) {
        return URI.create("http://127.0.0.1:" + ports.get(s));
    }

    /** A client of this stack's REST APIs, with its keys. */
    public StackClient client() {
        return new StackClient(url(Service.INGEST), url(Service.TRAINER), url(Service.INFERENCE), adminKey, producerKey);
    }

    /** The last lines of a service's log (for failure messages). */
    public String tail(Service s) {
        return processes.get(s).tail();
    }

    @Override
    public void close() {
        List<Service> reverse = new ArrayList<>(processes.keySet());
        java.util.Collections.reverse(reverse);
        for (Service s : reverse) {
            processes.get(s).close();
        }
    }
}
