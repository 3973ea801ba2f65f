package dev.streamtune.core.replay;

import java.util.Arrays;
import java.util.Locale;

/** Which samples a full {@link ReplayBuffer} keeps. Wire names match {@code ModelSpec.ReplaySettings.policy}. */
public enum ReplayPolicy {
    /**
     * Reservoir sampling (Vitter's Algorithm R): after {@code n} offers every offered sample is in the buffer with
     * probability {@code capacity / n}, so the buffer is a uniform sample of the whole stream.
     */
    RESERVOIR("reservoir"),
    /**
     * Class-balanced reservoir (CBRS, Chrysakis and Moens, ICML 2020): a sample of a class holding fewer slots
     * than the largest class evicts a random sample of the largest class; a sample of a largest class replaces
     * a random sample of its own class with probability {@code stored(c) / seen(c)}. Classes converge to equal
     * quotas and each class's share is a uniform sample of that class's stream.
     */
    CLASS_BALANCED("class-balanced");

    private final String id;

    ReplayPolicy(String id) {
        this.id = id;
    }

    /** The wire name, e.g. {@code class-balanced}. */
    public String id() {
        return id;
    }

    /**
     * Parses a wire name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the accepted names when {@code id} is none of them
     */
    public static ReplayPolicy fromId(String id) {
        for (ReplayPolicy p : values()) {
            if (p.id.equals(id == null ? null : id.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown replay policy '" + id + "'; expected one of "
                + Arrays.stream(values()).map(ReplayPolicy::id).toList());
    }
}
