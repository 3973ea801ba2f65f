package dev.streamtune.trainer.training;

import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.SampleRecord;
import java.util.List;

/**
 * Features by strategy: frozen-backbone features for feature extraction, none for models whose encoder trains
 * (their learner tokenizes the texts itself, so the frozen backbone is not run for them at all).
 */
public final class StrategyFeatures implements FeatureExtractor {

    private static final float[] NONE = new float[0];

    private final FeatureExtractor frozen;

    public StrategyFeatures(FeatureExtractor frozen) {
        this.frozen = frozen;
    }

    /**
     * @throws IllegalArgumentException when a sample of a model whose encoder trains has no text
     */
    @Override
    public float[][] features(ModelSpec spec, List<SampleRecord> samples) {
        if (!TunedModels.tunesEncoder(spec)) {
            return frozen.features(spec, samples);
        }
        float[][] rows = new float[samples.size()][];
        for (int i = 0; i < rows.length; i++) {
            String text = samples.get(i).text();
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("sample " + samples.get(i).id() + ": text is empty");
            }
            rows[i] = NONE;
        }
        return rows;
    }
}
