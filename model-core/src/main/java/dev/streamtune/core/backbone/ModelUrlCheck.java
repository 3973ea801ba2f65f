package dev.streamtune.core.backbone;

import ai.djl.util.ClassLoaderUtils;
import ai.djl.util.Utils;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Fails fast, with a message naming the reference, on model URLs DJL would fail on slowly or vaguely: a missing
 * file ({@code file:}), a missing classpath resource ({@code jar:///path}), an {@code http(s):} URL in DJL offline
 * mode or one that does not answer a HEAD request within the timeout (DJL's own download has no timeout).
 */
public final class ModelUrlCheck {

    /** Connect and read timeout of the HEAD request by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** URL schemes a backbone reference may use. */
    public static final Set<String> SCHEMES = Set.of("file", "jar", "http", "https");
    private static final Set<String> ARCHIVES = Set.of(".zip", ".tgz", ".tar.gz", ".tar");

    private final Duration timeout;

    /** @param timeout connect and read timeout for the HEAD request to {@code http(s):} URLs */
    public ModelUrlCheck(Duration timeout) {
        this.timeout = timeout;
    }

    /** Whether {@code reference} looks like a URL (has a scheme) rather than a built-in id. */
    public static boolean isUrl(String reference) {
        return reference.indexOf(':') > 0;
    }

    /**
     * Checks that {@code url} names a model that exists and can be fetched now.
     *
     * @throws IllegalArgumentException when the URL is malformed or its scheme is not supported
     * @throws BackboneLoadException when the model is missing or unreachable
     */
    public void check(String url) {
        URI uri = parse(url);
        switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
            case "file" -> checkFile(url, uri);
            case "jar" -> checkResource(url, uri);
            default -> checkHttp(url, uri);
        }
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed backbone URL " + url + ": " + e.getMessage(), e);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(
                    "unsupported backbone URL " + url + ": scheme must be one of " + SCHEMES);
        }
        return uri;
    }

    private static void checkFile(String url, URI uri) {
        if (uri.getPath() == null || uri.getPath().isEmpty()) {
            throw new IllegalArgumentException("backbone URL " + url + " has no path; use file:/absolute/path");
        }
        Path path = Path.of(uri.getPath());
        if (!Files.exists(path)) {
            throw new BackboneLoadException("backbone " + url + ": " + path + " does not exist");
        }
        if (!Files.isReadable(path)) {
            throw new BackboneLoadException("backbone " + url + ": " + path + " is not readable");
        }
    }

    private static void checkResource(String url, URI uri) {
        String path = uri.getPath();
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("backbone URL " + url
                    + " is not a classpath reference; use jar:///path/in/classpath/model.zip");
        }
        String resource = path.startsWith("/") ? path.substring(1) : path;
        if (ClassLoaderUtils.getContextClassLoader().getResource(resource) == null) {
            throw new BackboneLoadException("backbone " + url + ": classpath resource " + resource + " not found");
        }
    }

    private void checkHttp(String url, URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        if (ARCHIVES.stream().noneMatch(path::endsWith)) {
            throw new IllegalArgumentException("backbone URL " + url
                    + " must name an archive (.zip, .tgz, .tar.gz, .tar) holding the .onnx file and tokenizer.json");
        }
        if (Utils.isOfflineMode()) {
            throw new BackboneLoadException("backbone " + url + " cannot be downloaded: DJL offline mode is on "
                    + "(ai.djl.offline / DJL_OFFLINE); use a file: URL to a local copy");
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setRequestMethod("HEAD");
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            try {
                int status = connection.getResponseCode();
                if (status != HttpURLConnection.HTTP_OK) {
                    throw new BackboneLoadException("backbone " + url + ": HTTP " + status);
                }
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            throw new BackboneLoadException("backbone " + url + " is unreachable: " + e, e);
        }
    }
}
