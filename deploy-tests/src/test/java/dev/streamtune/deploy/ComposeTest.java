package dev.streamtune.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose.yml} against the services and their Dockerfiles (no Docker engine here): ports, health
 * checks, environment variable names, the Kafka listener the services are given, and the keys the file needs.
 */
class ComposeTest {

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)");

    private static ComposeFile compose;
    private static Services services;

    @BeforeAll
    static void load() throws IOException {
        compose = ComposeFile.read(RepoPaths.root().resolve("docker-compose.yml"));
        services = Services.of(RepoPaths.root());
    }

    @Test
    void runsEveryServiceBuiltFromItsModule() {
        Set<String> built = new TreeSet<>();
        compose.services().forEach((name, s) -> {
            if (s.build() != null) {
                ServiceConfig service = service(s);
                assertNotNull(service, name + ": build context " + s.build().context() + " is no service module");
                assertEquals(service.module(), services.forImage(s.image()).module(), name + ": image vs build context");
                assertTrue(Files.isRegularFile(dockerfile(s)), name + ": " + dockerfile(s) + " is missing");
                built.add(service.module());
            }
        });
        assertEquals(new TreeSet<>(services.modules()), built);
    }

    @Test
    void portsAndHealthChecksMatchTheService() throws IOException {
        List<String> problems = new ArrayList<>();
        for (var entry : compose.services().entrySet()) {
            var s = entry.getValue();
            if (s.build() == null) {
                continue;
            }
            ServiceConfig service = service(s);
            String where = entry.getKey() + " (" + service.module() + ")";
            if (!s.containerPorts().equals(List.of(service.httpPort()))) {
                problems.add(where + ": publishes " + s.containerPorts() + ", the service listens on " + service.httpPort());
            }
            String check = s.healthcheck() == null ? "" : String.join(" ", s.healthcheck().test());
            String ready = "http://localhost:" + service.httpPort() + "/q/health/ready";
            if (!check.contains(ready)) {
                problems.add(where + ": health check '" + check + "' should ask " + ready);
            }
            String dockerfile = Files.readString(dockerfile(s));
            for (String expected : List.of("EXPOSE " + service.httpPort(), "QUARKUS_HTTP_PORT=" + service.httpPort())) {
                if (!dockerfile.contains(expected)) {
                    problems.add(where + ": " + dockerfile(s) + " lacks '" + expected + "'");
                }
            }
            if (check.contains("curl") && !dockerfile.contains("curl")) {
                problems.add(where + ": the health check runs curl, which the image does not install");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyEnvironmentVariableIsReadByTheService() {
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, s) -> {
            if (s.build() != null) {
                ServiceConfig service = service(s);
                s.environment().keySet().stream().filter(v -> !service.reads(v))
                        .forEach(v -> problems.add(name + " sets " + v + ", which " + service.module() + " does not read"));
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void servicesReachKafkaOnItsAdvertisedListenerOnceHealthy() {
        var kafka = compose.services().values().stream().filter(s -> s.image() != null
                && s.image().startsWith("apache/kafka:")).findFirst().orElseThrow();
        String kafkaName = compose.services().entrySet().stream().filter(e -> e.getValue() == kafka)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        assertEquals("apache/kafka:" + RepoPaths.kafkaVersion(), kafka.image());
        assertNotNull(kafka.healthcheck(), "services wait for a healthy Kafka");
        List<String> advertised = Arrays.stream(kafka.environment().get("KAFKA_ADVERTISED_LISTENERS").split(","))
                .map(l -> l.substring(l.indexOf("://") + 3)).toList();
        String logDirs = kafka.environment().get("KAFKA_LOG_DIRS");
        assertTrue(kafka.volumes().stream().anyMatch(v -> v.endsWith(":" + logDirs)), "a volume on " + logDirs);
        compose.services().forEach((name, s) -> {
            if (s.build() != null) {
                String bootstrap = s.environment().get("KAFKA_BOOTSTRAP_SERVERS");
                assertTrue(bootstrap != null && advertised.contains(bootstrap) && bootstrap.startsWith(kafkaName + ":"),
                        name + ": KAFKA_BOOTSTRAP_SERVERS " + bootstrap + " vs advertised " + advertised);
                var dependency = s.dependsOn().get(kafkaName);
                assertTrue(dependency != null && "service_healthy".equals(dependency.condition()), name);
            }
        });
    }

    @Test
    void namedVolumesAreDeclaredAndDjlCachesMounted() throws IOException {
        for (var entry : compose.services().entrySet()) {
            var s = entry.getValue();
            for (String volume : s.volumes()) {
                String source = volume.substring(0, volume.indexOf(':'));
                if (!source.startsWith(".") && !source.startsWith("/")) {
                    assertTrue(compose.volumes().containsKey(source), entry.getKey() + ": volume " + source + " undeclared");
                }
            }
            if (s.build() != null) {
                Matcher cache = Pattern.compile("DJL_CACHE_DIR=(\\S+)").matcher(Files.readString(dockerfile(s)));
                if (cache.find()) {
                    String dir = cache.group(1);
                    assertTrue(s.volumes().stream().anyMatch(v -> v.endsWith(":" + dir)),
                            entry.getKey() + ": mount a volume on " + dir + " so native libraries unpack once");
                }
            }
        }
    }

    @Test
    void interpolatedKeysAreTheOnesTheLauncherWrites() throws IOException {
        Set<String> used = new TreeSet<>();
        Matcher m = INTERPOLATION.matcher(Files.readString(RepoPaths.root().resolve("docker-compose.yml")));
        while (m.find()) {
            used.add(m.group(1));
        }
        Set<String> written = new TreeSet<>();
        Matcher w = Pattern.compile("(?m)^(STREAMTUNE_[A-Z_]+)=").matcher(Files.readString(RepoPaths.root().resolve("streamtune")));
        while (w.find()) {
            written.add(w.group(1));
        }
        assertFalse(used.isEmpty());
        assertTrue(written.containsAll(used), "docker-compose.yml needs " + used + ", keys.env has " + written);
    }

    @Test
    void rejectsMisspelledComposeKey() {
        IOException e = assertThrows(IOException.class,
                () -> ComposeFile.read(Fixtures.path("bad/compose-misspelled-key.yml")));
        assertTrue(e.getMessage().contains("healtcheck"), e.getMessage());
    }

    @Test
    void resolvesMergeKeysAndDropsExtensions() throws IOException {
        ComposeFile file = ComposeFile.read(Fixtures.path("compose-merge.yml"));
        assertEquals(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", "INGEST_SECURITY_MODE", "keys"),
                file.services().get("ingest").environment());
    }

    private static ServiceConfig service(ComposeFile.ComposeService s) {
        return services.module(Path.of(s.build().context()).getFileName().toString());
    }

    private static Path dockerfile(ComposeFile.ComposeService s) {
        return RepoPaths.root().resolve(s.build().context()).resolve(s.build().dockerfile()).normalize();
    }
}
