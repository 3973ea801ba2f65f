package dev.streamtune.trainer.service;

import ai.djl.Device;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.Topics;
import dev.streamtune.core.backbone.BackboneInfo;
import dev.streamtune.core.backbone.BackboneRegistry;
import dev.streamtune.core.backbone.TextEncoderOptions;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** CDI wiring of model-core into the trainer: the shared backbones and the learner factory. */
@ApplicationScoped
public class LearnerBeans {

    /** One registry of backbones per application; each backbone is opened once and shared by all models. */
    @Produces
    @ApplicationScoped
    BackboneFeatures features() {
        // MiniLM built in, plus the image backbone made by `./streamtune pretrain` (Fashion-MNIST classes 0-4)
        BackboneRegistry registry = ImageBackbones.register(BackboneRegistry.withBuiltIns(TextEncoderOptions.defaults()));
        return new BackboneFeatures(registry::open);
    }

    @Produces
    @ApplicationScoped
    LearnerFactory learners(TrainerConfig cfg, BackboneFeatures features) {
        Device device = DeviceChoice.choose(cfg.device());
        String samplesTopic = Topics.of(cfg.topicPrefix()).samples();
        return new LearnerFactory() {
            @Override
            public ModelLearner create(ModelSpec spec) {
                BackboneInfo b = backbone(spec);
                List<String> labels = spec.labels() == null ? List.of() : spec.labels();
                return new CoreLearner(ContinualLearner.create(config(cfg, spec, b), labels, device), b, samplesTopic, cfg.learner().passes());
            }

            @Override
            public ModelLearner restore(ModelSpec spec, byte[] snapshot) {
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
        ModelSpec.ReplaySettings r = spec.replay() == null ? ModelSpec.ReplaySettings.defaults() : spec.replay();
        ReplayConfig replay = r.capacity() <= 0 || r.ratio() <= 0 ? ReplayConfig.none()
                : ReplayConfig.of(ReplayPolicy.fromId(r.policy()), r.capacity(), r.ratio());
        long seed = 0;
        for (byte b : spec.name().getBytes(StandardCharsets.UTF_8)) {
            seed = seed * 31 + b;
        }
        LearnerConfig d = LearnerConfig.defaults(backbone.dimension());
        return new LearnerConfig(new HeadConfig(backbone.dimension(), l.hidden(), l.dropout()),
                OptimizerConfig.adam(l.learningRate()), l.batchSize(), replay, l.holdoutFraction(), d.holdoutCapacity(), seed);
    }
}
