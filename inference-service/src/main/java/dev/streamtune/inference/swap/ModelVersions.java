package dev.streamtune.inference.swap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The versions of one model this replica knows: the newest {@code keep} valid ones with their artifacts (plus
 * the pinned one, never evicted), and the latest refusals. Thread-safe: written by the version feed and the
 * loader, read by REST calls.
 */
public final class ModelVersions {

    /** Refusals remembered per model. */
    static final int REFUSALS_KEPT = 20;

    private final int keep;
    private final TreeMap<Long, KeptVersion> kept = new TreeMap<>();
    private final LinkedHashMap<Long, Refusal> refused = new LinkedHashMap<>();

    public ModelVersions(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("inference.keep-versions must be at least 1, was " + keep);
        }
        this.keep = keep;
    }

    /**
     * Keeps {@code v} and evicts the oldest versions beyond the limit, except {@code pinned}.
     *
     * @return {@code false} when the same version with the same artifact was already kept (a re-delivery)
     */
    public synchronized boolean add(KeptVersion v, Long pinned) {
        KeptVersion old = kept.get(v.version());
        if (old != null && Arrays.equals(old.artifact(), v.artifact())) {
            return false;
        }
        kept.put(v.version(), v);
        refused.remove(v.version());
        int newer = 0;
        for (Iterator<Long> newestFirst = kept.descendingKeySet().iterator(); newestFirst.hasNext(); ) {
            Long n = newestFirst.next();
            if (++newer > keep && !n.equals(pinned)) {
                newestFirst.remove();
            }
        }
        return true;
    }

    /** Forgets {@code version}'s artifact and remembers why it is not served. */
    public synchronized void refuse(Refusal r) {
        kept.remove(r.version());
        refused.remove(r.version());
        refused.put(r.version(), r);
        if (refused.size() > REFUSALS_KEPT) {
            Iterator<Map.Entry<Long, Refusal>> it = refused.entrySet().iterator();
            it.next();
            it.remove();
        }
    }

    /** The version to serve: {@code pinned} when kept, else the newest kept one; {@code null} when none. */
    public synchronized KeptVersion target(Long pinned) {
        if (pinned != null && kept.containsKey(pinned)) {
            return kept.get(pinned);
        }
        return kept.isEmpty() ? null : kept.lastEntry().getValue();
    }

    /** The kept version {@code version}, or {@code null}. */
    public synchronized KeptVersion get(long version) {
        return kept.get(version);
    }

    /** The kept versions, oldest first. */
    public synchronized List<KeptVersion> kept() {
        return new ArrayList<>(kept.values());
    }

    /** Whether any version is kept. */
    public synchronized boolean hasKept() {
        return !kept.isEmpty();
    }

    /** The refusal of {@code version}, or {@code null}. */
    public synchronized Refusal refusal(long version) {
        return refused.get(version);
    }

    /** The latest refusals, oldest first. */
    public synchronized List<Refusal> refusals() {
        return new ArrayList<>(refused.values());
    }
}
