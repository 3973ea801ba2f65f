package dev.streamtune.core.learn;

import dev.streamtune.core.head.LabelIndex;

/**
 * One labelled training example as the learner sees it: backbone features, not raw input.
 *
 * <p>The constructor rejects what is invalid whatever the model (missing id, missing or non-finite features,
 * empty label); the learner additionally checks the feature dimension. {@code features} is not copied: do not
 * modify it after handing it over.
 *
 * @param id sample id (deduplication key; decides holdout membership)
 * @param features feature vector from the backbone
 * @param label the label
 * @param sourceOffset offset of the source record (e.g. a Kafka offset), or {@link #NO_OFFSET}
 */
public record Example(String id, float[] features, String label, long sourceOffset) {

    /** {@link #sourceOffset()} of an example that has none. */
    public static final long NO_OFFSET = -1;

    public Example {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("example has no id");
        }
        if (features == null || features.length == 0) {
            throw new IllegalArgumentException("example " + id + ": features are missing");
        }
        for (int i = 0; i < features.length; i++) {
            if (!Float.isFinite(features[i])) {
                throw new IllegalArgumentException("example " + id + ": feature " + i + " is " + features[i]
                        + " (NaN and infinite values are rejected)");
            }
        }
        LabelIndex.requireValid(label, "example " + id);
        if (sourceOffset < NO_OFFSET) {
            throw new IllegalArgumentException("example " + id + ": source offset " + sourceOffset + " is negative");
        }
    }

    /** An example without a source offset. */
    public static Example of(String id, float[] features, String label) {
        return new Example(id, features, label, NO_OFFSET);
    }
}
