package dev.streamtune.core.backbone;

import dev.streamtune.contracts.Modality;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens backbones by reference: a registered id (such as {@value MiniLmBackbone#ID}) or a {@code file:},
 * {@code jar:} or {@code http(s):} URL, which goes to the URL loader registered for the wanted modality.
 *
 * <p>An instance is configured by its owner ({@link #withBuiltIns} then {@link #register} more, e.g. image
 * backbones); there is no global registry. Thread-safe. Each {@code open} opens a new backbone that the caller
 * owns: share it rather than opening one per request. A {@link Modality#TEXT} backbone is a
 * {@code Backbone<String>}.
 */
public final class BackboneRegistry {

    private record Entry(Modality modality, BackboneFactory factory) {}

    private final Map<String, Entry> ids = new ConcurrentHashMap<>();
    private final Map<Modality, BackboneFactory> urlLoaders = new ConcurrentHashMap<>();

    /** An empty registry. */
    public BackboneRegistry() {}

    /**
     * A registry with the built-in text backbone {@value MiniLmBackbone#ID} and the text URL loader (ONNX
     * sentence encoders with a {@code tokenizer.json}), both opened with {@code options}.
     */
    public static BackboneRegistry withBuiltIns(TextEncoderOptions options) {
        SentenceEncoderLoader loader = new SentenceEncoderLoader(options);
        return new BackboneRegistry()
                .register(MiniLmBackbone.ID, Modality.TEXT, id -> loader.loadBuiltIn())
                .registerUrlLoader(Modality.TEXT, url -> loader.load(url, url));
    }

    /** Adds (or replaces) the backbone {@code id}; ids are lowercase words without a colon. */
    public BackboneRegistry register(String id, Modality modality, BackboneFactory factory) {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("backbone id must be lowercase letters, digits, '.', '_' or '-': " + id);
        }
        Objects.requireNonNull(modality, "modality");
        ids.put(id, new Entry(modality, Objects.requireNonNull(factory, "factory")));
        return this;
    }

    /** Sets (or replaces) the loader of URL references for {@code modality}. */
    public BackboneRegistry registerUrlLoader(Modality modality, BackboneFactory loader) {
        urlLoaders.put(Objects.requireNonNull(modality, "modality"), Objects.requireNonNull(loader, "loader"));
        return this;
    }

    /** The registered ids, sorted. */
    public Set<String> ids() {
        return new TreeSet<>(ids.keySet());
    }

    /**
     * Opens the backbone {@code reference} for inputs of {@code modality}.
     *
     * @throws IllegalArgumentException for an unknown id (the message lists the known ones), a URL with an
     *     unsupported scheme, no URL loader for the modality, or a backbone of another modality
     * @throws BackboneLoadException when the backbone exists but cannot be opened (missing file, unreachable URL,
     *     broken model)
     */
    public Backbone<?> open(String reference, Modality modality) {
        Objects.requireNonNull(modality, "modality");
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("backbone reference is empty; known ids: " + ids());
        }
        if (ModelUrlCheck.isUrl(reference)) {
            BackboneFactory loader = urlLoaders.get(modality);
            if (loader == null) {
                throw new IllegalArgumentException("no URL loader for " + modality + " backbones: " + reference);
            }
            return loader.open(reference);
        }
        Entry entry = ids.get(reference);
        if (entry == null) {
            throw new IllegalArgumentException("unknown backbone '" + reference + "'; known ids: " + ids()
                    + ", or a URL with scheme " + new TreeSet<>(ModelUrlCheck.SCHEMES));
        }
        if (entry.modality() != modality) {
            throw new IllegalArgumentException("backbone " + reference + " reads " + entry.modality()
                    + " inputs, not " + modality);
        }
        return entry.factory().open(reference);
    }

    /** Opens the text backbone {@code reference}; see {@link #open(String, Modality)}. */
    @SuppressWarnings("unchecked")
    public Backbone<String> openText(String reference) {
        return (Backbone<String>) open(reference, Modality.TEXT);
    }
}
