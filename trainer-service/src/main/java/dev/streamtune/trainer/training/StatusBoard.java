package dev.streamtune.trainer.training;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest training status of each model this instance trains, written by the training loop and read by REST
 * and metrics; every entry is an immutable snapshot.
 */
public final class StatusBoard {

    private final Map<String, TrainingStatus> statuses = new ConcurrentHashMap<>();
    private volatile String device = "unknown";
    private volatile java.util.SortedSet<Integer> partitions = new java.util.TreeSet<>();

    /** Replaces a model's status. */
    public void put(TrainingStatus status) {
        statuses.put(status.model(), status);
    }

    /** Forgets a model (its partition moved to another instance). */
    public void remove(String model) {
        statuses.remove(model);
    }

    /** A model's status, if this instance trains it. */
    public Optional<TrainingStatus> get(String model) {
        return Optional.ofNullable(statuses.get(model));
    }

    /** All statuses. */
    public Map<String, TrainingStatus> all() {
        return Map.copyOf(statuses);
    }

    /** The samples partitions this instance owns now. */
    public java.util.SortedSet<Integer> partitions() {
        return partitions;
    }

    /** Records the samples partitions assigned to this instance. */
    public void partitions(java.util.Collection<Integer> owned) {
        partitions = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(owned));
    }

    public String device() {
        return device;
    }

    public void device(String device) {
        this.device = device;
    }
}
