package dev.streamtune.inference.swap;

/**
 * Everything this replica holds for one model: its known versions, its pin and the slot of the serving version.
 * A pin to a version that is not kept here is remembered but not served (the newest version is).
 */
public final class ModelEntry {

    private final String name;
    private final ModelVersions versions;
    private final ModelSlot slot = new ModelSlot();
    private volatile Long pinned;

    public ModelEntry(String name, int keepVersions) {
        this.name = name;
        this.versions = new ModelVersions(keepVersions);
    }

    public String name() {
        return name;
    }

    public ModelVersions versions() {
        return versions;
    }

    public ModelSlot slot() {
        return slot;
    }

    /** The pinned version, or {@code null} when following the latest. */
    public Long pinned() {
        return pinned;
    }

    void pin(Long version) {
        this.pinned = version;
    }

    /** The version this replica should serve now, or {@code null}. */
    public KeptVersion target() {
        return versions.target(pinned);
    }

    /** The serving version number, or 0 when none is loaded. */
    public long servingVersion() {
        LoadedModel m = slot.peek();
        return m == null ? 0 : m.info().version();
    }
}
