package dev.streamtune.inference.swap;

/** What the loader reports: to metrics and logs. */
public interface SwapEvents {

    /** {@code next} now serves {@code model}; {@code previous} (or {@code null}) closes after its in-flight requests. */
    void swapped(String model, LoadedModel next, LoadedModel previous, long loadMillis);

    /** A version of {@code model} is not served. */
    void refused(String model, Refusal refusal);
}
