package dev.streamtune.inference.config;

import dev.streamtune.core.backbone.BackboneRegistry;
import dev.streamtune.core.backbone.TextEncoderOptions;
import dev.streamtune.core.bert.SharedBaseEncoder;
import dev.streamtune.inference.batching.SharedBackbones;
import dev.streamtune.inference.swap.HeadLoader;
import dev.streamtune.inference.swap.WeightsHeadLoader;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * What turns published versions into served models: the registry of backbone references (built-in MiniLM and ONNX
 * sentence encoders from URLs, with one DJL predictor per batching worker and one forward pass per batch), the
 * shared, lazily opened backbone instances, and the head loader (model-core weights artifacts).
 */
public class ModelSetup {

    /** Backbone references this service can open. */
    @Produces
    @Singleton
    BackboneRegistry registry(InferenceConfig cfg) {
        InferenceConfig.Batching b = cfg.batching();
        TextEncoderOptions text = TextEncoderOptions.defaults()
                .withMaxLength(cfg.text().maxLength())
                .withBatchSize(b.maxBatch())
                .withPredictors(b.workers())
                .withIntraOpThreads(cfg.text().intraOpThreads());
        return dev.streamtune.core.image.ImageBackbones.register(BackboneRegistry.withBuiltIns(text));
    }

    /** One instance per backbone for the whole JVM. */
    @Produces
    @Singleton
    SharedBackbones backbones(BackboneRegistry registry) {
        return new SharedBackbones(registry);
    }

    /**
     * The MiniLM encoder every {@code fine-tune}/{@code lora} version is rebuilt on: opened once, with the first
     * such version, and shared by all of them (a version then costs only its tuned layers or adapters).
     */
    @Produces
    @Singleton
    SharedBaseEncoder baseEncoder(InferenceConfig cfg) {
        return new SharedBaseEncoder(TextEncoderOptions.defaults().withMaxLength(cfg.text().maxLength()));
    }

    void closeBaseEncoder(@Disposes SharedBaseEncoder encoder) {
        encoder.close();
    }

    /** Heads from model-core weights artifacts, with the signature policy of {@code inference.signing-key}. */
    @Produces
    @Singleton
    HeadLoader heads(InferenceConfig cfg) {
        return new WeightsHeadLoader(cfg.signingKey().orElse(null));
    }

    void close(@Disposes SharedBackbones backbones) {
        backbones.close();
    }
}
