package dev.streamtune.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one service reads from its environment: the keys of its {@code @ConfigMapping}, the keys set in its
 * {@code application.properties} (Quarkus and extension settings), the variables those files expand
 * ({@code ${STREAMTUNE_SIGNING_KEY:}}), and the variables its libraries read themselves (DJL).
 *
 * @param module the Maven module, e.g. {@code ingest-service}
 * @param httpPort {@code quarkus.http.port} from its {@code application.properties}
 * @param properties every property name it reads
 * @param variables variable names read as such (expanded in its configuration, or read by a library)
 */
record ServiceConfig(String module, int httpPort, Set<String> properties, Set<String> variables) {

    private static final Pattern EXPANSION = Pattern.compile("\\$\\{([^}:]+)(?::[^}]*)?}");
    private static final Pattern PROFILE = Pattern.compile("^%[^.]+\\.");

    /** Reads the service's configuration from its module and its mapping interface. */
    static ServiceConfig load(Path root, String module, Class<?> mapping, Set<String> libraryVariables) {
        Path file = root.resolve(module).resolve("src/main/resources/application.properties");
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> properties = new TreeSet<>(ConfigMappingKeys.of(mapping));
        Set<String> variables = new TreeSet<>(libraryVariables);
        for (String key : props.stringPropertyNames()) {
            properties.add(PROFILE.matcher(key).replaceFirst(""));
            Matcher m = EXPANSION.matcher(props.getProperty(key));
            while (m.find()) {
                variables.add(m.group(1));
            }
        }
        String port = props.getProperty("quarkus.http.port");
        if (port == null) {
            throw new IllegalStateException(file + " sets no quarkus.http.port");
        }
        return new ServiceConfig(module, Integer.parseInt(port.trim()), properties, variables);
    }

    /**
     * Whether setting environment variable {@code name} changes something this service reads: it is a variable it
     * reads, or the environment-variable form of one of its properties (Quarkus / SmallRye: every character other
     * than a letter or digit becomes {@code _}, upper case; {@code ingest.security.admin-key} =
     * {@code INGEST_SECURITY_ADMIN_KEY}).
     */
    boolean reads(String name) {
        return variables.contains(name) || properties.stream().anyMatch(p -> envName(p).equals(name));
    }

    /** The environment variable that sets {@code property}. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
