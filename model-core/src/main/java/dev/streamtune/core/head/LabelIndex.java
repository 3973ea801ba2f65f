package dev.streamtune.core.head;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The label ↔ class index map of a head. Append-only: a label keeps its index (its output row) forever.
 * Not thread-safe.
 */
public final class LabelIndex {

    /** Longest accepted label, in characters. */
    public static final int MAX_LABEL_LENGTH = 256;

    private final List<String> labels = new ArrayList<>();
    private final Map<String, Integer> indices = new HashMap<>();

    /** An index holding {@code initial} in order (duplicates rejected). */
    public LabelIndex(List<String> initial) {
        initial.forEach(this::add);
    }

    /** Checks that {@code label} is usable: present, not blank, at most {@value #MAX_LABEL_LENGTH} characters. */
    public static void requireValid(String label, String context) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException(context + ": label is empty");
        }
        if (label.length() > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException(context + ": label is " + label.length() + " characters, at most "
                    + MAX_LABEL_LENGTH + " are allowed");
        }
    }

    /** Adds a new label at the next index and returns that index. */
    public int add(String label) {
        requireValid(label, "label #" + labels.size());
        if (indices.containsKey(label)) {
            throw new IllegalArgumentException("label '" + label + "' is already class " + indices.get(label));
        }
        indices.put(label, labels.size());
        labels.add(label);
        return labels.size() - 1;
    }

    /** The class index of {@code label}, or -1 when unknown. */
    public int indexOf(String label) {
        Integer i = indices.get(label);
        return i == null ? -1 : i;
    }

    public String label(int index) {
        return labels.get(index);
    }

    public int size() {
        return labels.size();
    }

    /** The labels in index order (an immutable copy). */
    public List<String> labels() {
        return List.copyOf(labels);
    }
}
