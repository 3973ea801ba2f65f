package dev.streamtune.inference.swap;

import dev.streamtune.contracts.VersionInfo;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models of this replica: fed by the version feed (every published version, in order), the pin view and the
 * spec view; decides each model's target version and hands it to the {@link ModelLoader}. Versions failing the
 * integrity check are refused on arrival, so they can be neither served nor pinned.
 */
public final class ServingModels {

    private final Map<String, ModelEntry> models = new ConcurrentHashMap<>();
    private final int keepVersions;
    private final IntegrityCheck integrity;
    private final SwapEvents events;
    private final RegisteredModels registered;
    private ModelLoader loader;
    private volatile boolean synced;

    /**
     * @param registered the models with a spec; only those are served
     */
    public ServingModels(int keepVersions, IntegrityCheck integrity, SwapEvents events, RegisteredModels registered) {
        this.keepVersions = keepVersions;
        this.integrity = integrity;
        this.events = events;
        this.registered = registered;
    }

    /** Connects the loader that brings models to their targets. */
    public void loader(ModelLoader loader) {
        this.loader = loader;
    }

    private ModelEntry entry(String model) {
        return models.computeIfAbsent(model, m -> new ModelEntry(m, keepVersions));
    }

    /** A published version arrived (feed thread). */
    public void onVersion(VersionInfo info, byte[] artifact) {
        ModelEntry e = entry(info.model());
        try {
            integrity.verify(info, artifact);
        } catch (VersionRefusedException x) {
            refuse(e, info.version(), x);
            return;
        }
        if (e.versions().add(new KeptVersion(info, artifact), e.pinned())) {
            loader.schedule(e);
        }
    }

    /** A record of the versions topic could not be read; {@code version} is 0 when even the key is unusable. */
    public void onUnreadable(String model, long version, VersionRefusedException why) {
        refuse(entry(model), version, why);
    }

    private void refuse(ModelEntry e, long version, VersionRefusedException why) {
        Refusal r = new Refusal(version, why.reason(), why.getMessage(), System.currentTimeMillis());
        e.versions().refuse(r);
        events.refused(e.name(), r);
    }

    /** {@code model} was pinned to {@code version}, or unpinned ({@code null}). */
    public void onPin(String model, Long version) {
        ModelEntry e = entry(model);
        e.pin(version);
        loader.schedule(e);
    }

    /** {@code model}'s spec changed (its modality may be known now). */
    public void onSpec(String model) {
        ModelEntry e = models.get(model);
        if (e != null) {
            loader.schedule(e);
        }
    }

    /** The feed has read everything published before the start: readiness may now be judged. */
    public void synced() {
        this.synced = true;
    }

    /** The entry of a registered model, or {@code null} for an unknown one. */
    public ModelEntry find(String model) {
        if (!registered.contains(model)) {
            return null;
        }
        return entry(model);
    }

    /** The entries of every registered model, by name. */
    public Map<String, ModelEntry> all() {
        Map<String, ModelEntry> out = new TreeMap<>();
        for (String name : registered.names()) {
            out.put(name, entry(name));
        }
        return out;
    }

    /**
     * Models that hold up readiness: registered, with a valid version kept, and nothing loaded yet. Before the
     * initial sync every model counts as waiting, reported as {@code "(initial sync)"}.
     */
    public List<String> waiting() {
        if (!synced) {
            return List.of("(initial sync)");
        }
        return all().values().stream()
                .filter(e -> e.slot().peek() == null && e.versions().hasKept())
                .map(ModelEntry::name)
                .toList();
    }

    /** Empties every slot (shutdown): the versions close once their in-flight requests end. */
    public void clear() {
        models.values().forEach(e -> e.slot().clear());
    }
}
