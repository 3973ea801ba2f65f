package dev.streamtune.trainer.training;

import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.SampleRecord;
import java.util.List;

/** Turns a model's samples into backbone features (the frozen part of feature-extraction transfer). */
public interface FeatureExtractor {

    /**
     * One feature row per sample, in order.
     *
     * @throws IllegalArgumentException when an input cannot be encoded (the message names which)
     */
    float[][] features(ModelSpec spec, List<SampleRecord> samples);
}
