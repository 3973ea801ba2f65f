package dev.streamtune.core.image;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * A validated model URL in one of the forms DJL's {@code Criteria.optModelUrls} loads, checked up front so a
 * missing model fails fast with a clear message instead of DJL's generic "No model matching the criteria".
 *
 * <ul>
 *   <li>{@code file:/abs/model.onnx}, {@code file:relative/model.pt} or a directory holding the model;
 *   <li>{@code jar:///models/model.onnx}: DJL's form, a resource of the context class loader's classpath;
 *   <li>{@code jar:file:/abs/models.jar!/models/model.onnx}: the standard Java form, loaded through DJL's
 *       {@code jar:} repository with a class loader over that jar file (see {@link #withDjlUrl});
 *   <li>{@code http(s)://host/model.zip} (or {@code .tar.gz}, {@code .tgz}, {@code .tar}): DJL downloads and unpacks
 *       archives into its cache; a bare model file over http is not something DJL loads, so it is refused.
 * </ul>
 *
 * <p>DJL caches what it copies from {@code jar:} and {@code http(s):} URLs under {@code DJL_CACHE_DIR}, keyed by
 * the URL: publish a changed model under a new URL.
 */
public final class ModelUrl {

    private static final Set<String> ARCHIVES = Set.of(".zip", ".tar.gz", ".tgz", ".tar");

    private final URI uri;
    private final String scheme;
    private final Path jarFile;
    private final String jarEntry;

    private ModelUrl(URI uri, String scheme, Path jarFile, String jarEntry) {
        this.uri = uri;
        this.scheme = scheme;
        this.jarFile = jarFile;
        this.jarEntry = jarEntry;
    }

    /**
     * Parses and validates the syntax of {@code text}.
     *
     * @throws IllegalArgumentException for a malformed URL, an unsupported scheme, a jar URL that is not a local
     *     jar file, or an http(s) URL that does not name an archive
     */
    public static ModelUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("model URL is empty");
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed model URL '" + text + "': " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "file":
                return new ModelUrl(uri, scheme, null, null);
            case "jar":
                return parseJar(uri);
            case "http":
            case "https":
                String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
                if (ARCHIVES.stream().noneMatch(path::endsWith)) {
                    throw new IllegalArgumentException("DJL loads models over " + scheme + " only as archives "
                            + ARCHIVES + "; package the model file into e.g. a .zip named after it: " + text);
                }
                return new ModelUrl(uri, scheme, null, null);
            default:
                throw new IllegalArgumentException("unsupported model URL scheme '" + uri.getScheme() + "' in '"
                        + text + "': use file:, jar: or http(s):");
        }
    }

    private static ModelUrl parseJar(URI uri) {
        if (!uri.isOpaque()) {
            if (uri.getHost() != null || uri.getPath() == null || uri.getPath().length() < 2) {
                throw new IllegalArgumentException("jar URL must be jar:///path/on/classpath or "
                        + "jar:file:/path/to.jar!/entry, got " + uri);
            }
            return new ModelUrl(uri, "jar", null, null);
        }
        String inner = uri.getSchemeSpecificPart();
        int bang = inner.indexOf("!/");
        if (!inner.startsWith("file:") || bang < 0 || bang + 2 == inner.length()) {
            throw new IllegalArgumentException("jar URL must be jar:file:/path/to.jar!/entry (a local jar file) or "
                    + "jar:///path/on/classpath, got " + uri);
        }
        Path jar = Path.of(URI.create(inner.substring(0, bang)));
        return new ModelUrl(uri, "jar", jar, inner.substring(bang + 2));
    }

    /** The URL as given. */
    public URI uri() {
        return uri;
    }

    /** Lower-case scheme: {@code file}, {@code jar}, {@code http} or {@code https}. */
    public String scheme() {
        return scheme;
    }

    /** Whether loading it needs the network (http or https). */
    public boolean isRemote() {
        return scheme.startsWith("http");
    }

    /**
     * Checks that the model is there: the file or directory exists, the jar holds the entry, the class path holds
     * the resource. Remote URLs are checked by {@link HttpProbe}.
     *
     * @throws ModelLoadingException naming what is missing
     */
    public void checkLocalPresence() {
        if ("file".equals(scheme)) {
            Path path = localPath();
            if (!Files.exists(path)) {
                throw new ModelLoadingException("model file not found: " + path.toAbsolutePath() + " (from " + uri + ")");
            }
        } else if (jarFile != null) {
            if (!Files.isRegularFile(jarFile)) {
                throw new ModelLoadingException("jar file not found: " + jarFile + " (from " + uri + ")");
            }
            try (JarFile jar = new JarFile(jarFile.toFile())) {
                if (jar.getEntry(jarEntry) == null) {
                    throw new ModelLoadingException("jar " + jarFile + " has no entry '" + jarEntry + "' (from " + uri + ")");
                }
            } catch (IOException e) {
                throw new ModelLoadingException("cannot read jar " + jarFile + ": " + e.getMessage(), e);
            }
        } else if ("jar".equals(scheme)) {
            String resource = uri.getPath().substring(1);
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                loader = ModelUrl.class.getClassLoader(); // DJL falls back to its own loader the same way
            }
            if (loader.getResource(resource) == null) {
                throw new ModelLoadingException("class path resource not found: " + resource + " (from " + uri + ")");
            }
        }
    }

    /** The local path of a {@code file:} URL (query ignored; relative paths resolve against the working directory). */
    Path localPath() {
        String path = uri.getPath() != null ? uri.getPath() : uri.getSchemeSpecificPart();
        int query = path.indexOf('?');
        return Path.of(query >= 0 ? path.substring(0, query) : path);
    }

    /**
     * Runs {@code load} with the URL DJL understands. A standard {@code jar:file:...!/entry} URL becomes DJL's
     * {@code jar:///entry} with a class loader over that jar as the thread's context class loader for the call
     * (DJL's jar repository resolves resources through it); other URLs pass through unchanged.
     */
    public <T> T withDjlUrl(DjlLoad<T> load) throws Exception {
        if (jarFile == null) {
            return load.apply(uri.toString());
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader jarLoader = new URLClassLoader(new URL[] {jarUrl()}, null)) {
            thread.setContextClassLoader(jarLoader);
            return load.apply("jar:///" + jarEntry);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private URL jarUrl() {
        try {
            return jarFile.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad jar path " + jarFile, e);
        }
    }

    @Override
    public String toString() {
        return uri.toString();
    }

    /** A DJL loading step given the DJL form of the URL. */
    @FunctionalInterface
    public interface DjlLoad<T> {
        /** Loads from {@code djlUrl}. */
        T apply(String djlUrl) throws Exception;
    }
}
