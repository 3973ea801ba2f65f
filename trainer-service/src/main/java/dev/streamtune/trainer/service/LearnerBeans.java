package dev.streamtune.trainer.service;

import ai.djl.Device;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.contracts.Topics;
import dev.streamtune.core.backbone.BackboneInfo;
import dev.streamtune.core.backbone.BackboneRegistry;
import dev.streamtune.core.backbone.TextEncoderOptions;
import dev.streamtune.core.bert.FineTuneStrategy;
import dev.streamtune.core.bert.MiniLmEncoder;
import dev.streamtune.core.bert.SharedBaseEncoder;
import dev.streamtune.core.bert.TrainingOptions;
import dev.streamtune.core.bert.TunedLearner;
import dev.streamtune.core.bert.TunedLearnerConfig;
import dev.streamtune.core.bert.TunedSnapshot;
import dev.streamtune.core.head.HeadConfig;
import dev.streamtune.core.image.ImageBackbones;
import dev.streamtune.core.learn.ContinualLearner;
import dev.streamtune.core.learn.LearnerConfig;
import dev.streamtune.core.learn.OptimizerConfig;
import dev.streamtune.core.learn.ReplayConfig;
import dev.streamtune.core.replay.ReplayPolicy;
import dev.streamtune.trainer.config.TrainerConfig;
import dev.streamtune.trainer.training.BackboneFeatures;
import dev.streamtune.trainer.training.CoreLearner;
import dev.streamtune.trainer.training.LearnerFactory;
import dev.streamtune.trainer.training.ModelLearner;
import dev.streamtune.trainer.training.TunedModelLearner;
import dev.streamtune.trainer.training.TunedModels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CDI wiring of model-core into the trainer: the shared backbones, the shared base encoder of {@code fine-tune}
 * and {@code lora} models, and the learner factory, which picks the learner by the spec's strategy.
 */
@ApplicationScoped
public class LearnerBeans {

    /** One registry of backbones per application; each backbone is opened once and shared by all models. */
    @Produces
    @ApplicationScoped
    BackboneFeatures features() {
        // MiniLM built in, plus the image backbone made by `./streamtune pretrain` (Fashion-MNIST classes 0-4). The
        // training loop embeds the next batch while it trains the current one: ONNX Runtime's threads sleep rather
        // than spin when idle, so they leave the cores to that training (bench trainer: 0.73 -> 0.85 of in-process)
        BackboneRegistry registry = ImageBackbones.register(
                BackboneRegistry.withBuiltIns(TextEncoderOptions.defaults().withIntraOpSpinning(false)));
        return new BackboneFeatures(registry::open);
    }

    /** The MiniLM encoder shared by every {@code fine-tune}/{@code lora} model, opened on the first one. */
    @Produces
    @ApplicationScoped
    SharedBaseEncoder baseEncoder(TrainerConfig cfg) {
        return new SharedBaseEncoder(TextEncoderOptions.defaults().withMaxLength(cfg.tuning().maxTokens()));
    }

    void closeBaseEncoder(@Disposes SharedBaseEncoder encoder) {
        encoder.close();
    }

    @Produces
    @ApplicationScoped
    LearnerFactory learners(TrainerConfig cfg, BackboneFeatures features, SharedBaseEncoder base) {
        Device device = DeviceChoice.choose(cfg.device());
        String samplesTopic = Topics.of(cfg.topicPrefix()).samples();
        return new LearnerFactory() {
            @Override
            public ModelLearner create(ModelSpec spec) {
                List<String> labels = spec.labels() == null ? List.of() : spec.labels();
                if (TunedModels.tunesEncoder(spec)) {
                    TunedLearner learner = TunedLearner.create(base.get(), tunedConfig(cfg, spec, base.maxTokens()), labels);
                    return new TunedModelLearner(learner, base.info(), samplesTopic, cfg.tuning().passes());
                }
                BackboneInfo b = backbone(spec);
                return new CoreLearner(ContinualLearner.create(config(cfg, spec, b), labels, device), b, samplesTopic, cfg.learner().passes());
            }

            @Override
            public ModelLearner restore(ModelSpec spec, byte[] snapshot) {
                if (TunedModels.tunesEncoder(spec)) {
                    return new TunedModelLearner(TunedSnapshot.read(snapshot, base.get()), base.info(), samplesTopic,
                            cfg.tuning().passes());
                }
                return new CoreLearner(ContinualLearner.restore(snapshot, device), backbone(spec), samplesTopic, cfg.learner().passes());
            }

            private BackboneInfo backbone(ModelSpec spec) {
                return features.backbone(spec).info();
            }
        };
    }

    /** The learner settings of a new model: the trainer's head/optimizer defaults and the spec's replay. */
    static LearnerConfig config(TrainerConfig cfg, ModelSpec spec, BackboneInfo backbone) {
        TrainerConfig.Learner l = cfg.learner();
        LearnerConfig d = LearnerConfig.defaults(backbone.dimension());
        return new LearnerConfig(new HeadConfig(backbone.dimension(), l.hidden(), l.dropout()),
                OptimizerConfig.adam(l.learningRate()), l.batchSize(), replay(spec), l.holdoutFraction(), d.holdoutCapacity(),
                seed(spec));
    }

    /**
     * The settings of a new {@code fine-tune}/{@code lora} model: its strategy from the spec, an MLP head of the
     * trainer's hidden sizes without dropout, discriminative learning rates with warm-up, replay of token ids.
     */
    static TunedLearnerConfig tunedConfig(TrainerConfig cfg, ModelSpec spec, int maxTokens) {
        TrainerConfig.Tuning t = cfg.tuning();
        FineTuneStrategy strategy = TunedModels.strategy(spec, t.loraAlphaPerRank());
        float encoderRate = strategy.kind() == Strategy.LORA ? t.adapterLearningRate() : t.layerLearningRate();
        TrainingOptions options = new TrainingOptions(t.headLearningRate(), encoderRate, t.warmupSteps(), 0f, 0f, 2f,
                t.anchorWeight());
        int hidden = MiniLmEncoder.builtInInfo().dimension();
        return new TunedLearnerConfig(strategy, new HeadConfig(hidden, cfg.learner().hidden(), 0f), options,
                t.batchSize(), replay(spec), cfg.learner().holdoutFraction(),
                LearnerConfig.defaults(hidden).holdoutCapacity(), seed(spec), maxTokens);
    }

    private static ReplayConfig replay(ModelSpec spec) {
        ModelSpec.ReplaySettings r = spec.replay() == null ? ModelSpec.ReplaySettings.defaults() : spec.replay();
        return r.capacity() <= 0 || r.ratio() <= 0 ? ReplayConfig.none()
                : ReplayConfig.of(ReplayPolicy.fromId(r.policy()), r.capacity(), r.ratio());
    }

    private static long seed(ModelSpec spec) {
        long seed = 0;
        for (byte b : spec.name().getBytes(StandardCharsets.UTF_8)) {
            seed = seed * 31 + b;
        }
        return seed;
    }
}
