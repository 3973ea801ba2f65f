package dev.streamtune.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The part of the Compose specification that {@code docker-compose.yml} uses, as a strict model: a key not listed
 * here fails the read. Extension keys ({@code x-...}) are dropped first, and YAML merge keys ({@code <<: *anchor})
 * are resolved by SnakeYAML as Docker Compose resolves them.
 */
record ComposeFile(String name, Map<String, ComposeService> services, Map<String, Object> volumes) {

    ComposeFile {
        services = services == null ? Map.of() : services;
        volumes = volumes == null ? Map.of() : volumes;
    }

    /** One service. */
    record ComposeService(String image, String hostname, Build build, List<String> ports,
            Map<String, String> environment, List<String> volumes,
            @JsonProperty("depends_on") Map<String, DependsOn> dependsOn, Healthcheck healthcheck) {

        ComposeService {
            ports = ports == null ? List.of() : ports;
            environment = environment == null ? Map.of() : environment;
            volumes = volumes == null ? List.of() : volumes;
            dependsOn = dependsOn == null ? Map.of() : dependsOn;
        }

        /** The container side of each port mapping ({@code [ip:]host:container}). */
        List<Integer> containerPorts() {
            return ports.stream().map(p -> Integer.parseInt(p.substring(p.lastIndexOf(':') + 1).replaceFirst("/.*", "")))
                    .toList();
        }
    }

    /** {@code build:} with a context directory and a Dockerfile relative to it. */
    record Build(String context, String dockerfile) {
    }

    /** {@code depends_on:} long form. */
    record DependsOn(String condition) {
    }

    /** {@code healthcheck:}. */
    record Healthcheck(List<String> test, String interval, String timeout, Integer retries,
            @JsonProperty("start_period") String startPeriod) {
    }

    /** Reads {@code file} strictly. */
    static ComposeFile read(Path file) throws IOException {
        Object tree;
        try (Reader in = Files.newBufferedReader(file)) {
            tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        try {
            return StrictYaml.mapper().convertValue(withoutExtensions(tree), ComposeFile.class);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static Object withoutExtensions(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!String.valueOf(k).startsWith("x-")) {
                    copy.put(String.valueOf(k), withoutExtensions(v));
                }
            });
            return copy;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(ComposeFile::withoutExtensions).toList();
        }
        return node;
    }
}
