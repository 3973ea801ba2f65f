package dev.streamtune.trainer.training;

import dev.streamtune.contracts.ModelSpec.PublishSettings;

/**
 * When a model's next candidate version is due: after {@code everySamples} newly trained samples, or after
 * {@code everySeconds} with at least one new sample, whichever comes first.
 */
public record PublishPolicy(int everySamples, long everyNanos) {

    /** The policy of a spec's publish settings (defaults where the spec has none). */
    public static PublishPolicy of(PublishSettings settings) {
        PublishSettings s = settings == null ? PublishSettings.defaults() : settings;
        int n = s.everySamples() > 0 ? s.everySamples() : PublishSettings.defaults().everySamples();
        double secs = s.everySeconds() > 0 ? s.everySeconds() : PublishSettings.defaults().everySeconds();
        return new PublishPolicy(n, (long) (secs * 1e9));
    }

    /** Whether a candidate is due, given samples trained and time elapsed since the last candidate. */
    public boolean due(long samplesSinceLast, long nanosSinceLast) {
        return samplesSinceLast >= everySamples || (samplesSinceLast > 0 && nanosSinceLast >= everyNanos);
    }
}
