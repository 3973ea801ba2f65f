package dev.streamtune.trainer.service;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.contracts.Task;
import dev.streamtune.contracts.TopicLayout;
import dev.streamtune.contracts.Topics;
import dev.streamtune.kafka.common.CompactedTopicView;
import dev.streamtune.kafka.common.NativeLz4;
import dev.streamtune.kafka.common.TopicCreator;
import dev.streamtune.trainer.config.TrainerConfig;
import dev.streamtune.trainer.messaging.DeadLetters;
import dev.streamtune.trainer.messaging.SampleValidator;
import dev.streamtune.trainer.training.BackboneFeatures;
import dev.streamtune.trainer.training.StrategyFeatures;
import dev.streamtune.trainer.training.TunedModels;
import dev.streamtune.trainer.training.CheckpointCodec;
import dev.streamtune.trainer.training.LearnerFactory;
import dev.streamtune.trainer.training.LoopWarmUp;
import dev.streamtune.trainer.training.SessionStore;
import dev.streamtune.trainer.training.StatusBoard;
import dev.streamtune.trainer.training.TrainingLoop;
import dev.streamtune.trainer.training.TrainingMetrics;
import dev.streamtune.trainer.training.VersionPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts and stops the training loop with the application: creates the topics, follows the spec and checkpoint
 * topics, and runs {@link TrainingLoop} on its own thread.
 */
@ApplicationScoped
public class TrainerRuntime {

    private static final Logger LOG = Logger.getLogger(TrainerRuntime.class);
    private final TrainerConfig cfg;
    private final String bootstrap;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final LearnerFactory learners;
    private final BackboneFeatures features;
    private final StatusBoard board = new StatusBoard();
    private CompactedTopicView<ModelSpec> specs;
    private CompactedTopicView<byte[]> checkpoints;
    private TrainingLoop loop;
    private Thread thread;

    public TrainerRuntime(TrainerConfig cfg, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            ObjectMapper json, MeterRegistry registry, LearnerFactory learners, BackboneFeatures features) {
        this.cfg = cfg;
        this.bootstrap = bootstrap;
        this.json = json;
        this.registry = registry;
        this.learners = learners;
        this.features = features;
    }

    void onStart(@Observes StartupEvent ev) {
        String threads = TorchThreads.defaultTo(cfg.tuning().cpuThreads());
        Device device = DeviceChoice.choose(cfg.device());
        board.device(device.isGpu() ? "gpu" : "cpu");
        LOG.infof("trainer %s training on %s (trainer.device=%s, PyTorch intra-op threads %s)", cfg.instanceId(), device,
                cfg.device(), threads);
        if (!cfg.enabled()) {
            LOG.warn("trainer.enabled=false: the training loop is not started");
            return;
        }
        Topics topics = Topics.of(cfg.topicPrefix());
        TopicCreator.ensure(bootstrap, TopicLayout.all(topics), cfg.topicReplicationFactor(), 30_000);
        specs = new CompactedTopicView<>(bootstrap, topics.modelSpecs(), this::decodeSpec);
        // read only when a restore needs it (partition assignment, rollback): not each checkpoint this trainer writes
        checkpoints = CompactedTopicView.onDemand(bootstrap, topics.trainerState(), b -> b);
        specs.awaitCaughtUp(Duration.ofSeconds(30));
        warmBackbones();
        CheckpointCodec codec = new CheckpointCodec(json);
        NativeLz4.enable(); // before the warm-up compresses its scratch checkpoint, so it warms the codec Kafka will use
        warmUpLoop(new LoopWarmUp(features, learners, codec, json, cfg.dedup().window(), KafkaClients.COMPRESSION));
        TrainingMetrics metrics = new TrainingMetrics(registry);
        var consumer = KafkaClients.samplesConsumer(bootstrap, cfg);
        var producer = KafkaClients.transactionalProducer(bootstrap, cfg);
        // the metadata of every topic the loop reads or writes, fetched now rather than inside its first batch
        consumer.partitionsFor(topics.samples());
        for (String written : List.of(topics.modelVersions(), topics.trainerState(), topics.samplesDlq())) {
            producer.partitionsFor(written);
        }
        SessionStore sessions = new SessionStore(specs, checkpoints, learners, codec, topics.samples(),
                topics.trainerState(), cfg.dedup().window(), board);
        loop = new TrainingLoop(
                new TrainingLoop.LoopSettings(topics.samples(), Duration.ofMillis(cfg.consume().maxWaitMs()),
                        (long) (cfg.checkpoint().everySeconds() * 1e9), cfg.signingKey().orElse(null)),
                consumer, producer, new SampleValidator(json, specs::get), new DeadLetters(topics.samplesDlq()), sessions,
                new StrategyFeatures(features), new VersionPublisher(producer, topics.modelVersions(), json, metrics), metrics);
        thread = new Thread(loop, "training-loop");
        thread.start();
    }

    /** Opens the backbone of every registered model now, so the first samples do not wait for a model load. */
    private void warmBackbones() {
        for (ModelSpec spec : specs.all().values()) {
            if (TunedModels.tunesEncoder(spec)) {
                continue; // its own encoder trains; the shared base opens with its first sample
            }
            try {
                features.backbone(spec);
            } catch (RuntimeException e) {
                LOG.warnf("backbone %s of model %s cannot be opened yet: %s", spec.backbone(), spec.name(), e.getMessage());
            }
        }
    }

    /**
     * Runs the loop's per-batch code once per text backbone of the registered frozen-feature text models (the
     * built-in text backbone when no model is registered yet), before the loop starts and readiness turns UP, so
     * the first real batch does not pay the cold costs. A failure is logged: the first batch then pays them.
     */
    private void warmUpLoop(LoopWarmUp warmUp) {
        long t0 = System.nanoTime();
        Map<String, ModelSpec> byBackbone = new LinkedHashMap<>();
        Collection<ModelSpec> registered = specs.all().values();
        if (registered.isEmpty()) {
            byBackbone.put(ModelSpec.DEFAULT_TEXT_BACKBONE, new ModelSpec(LoopWarmUp.SCRATCH_MODEL, Task.TEXT_CLASSIFICATION,
                    ModelSpec.DEFAULT_TEXT_BACKBONE, Strategy.FEATURE_EXTRACTION, null, ModelSpec.ReplaySettings.defaults(),
                    ModelSpec.PublishSettings.defaults(), 1, 0));
        }
        registered.stream().filter(LoopWarmUp::covers).forEach(spec -> byBackbone.putIfAbsent(spec.backbone(), spec));
        for (ModelSpec like : byBackbone.values()) {
            try {
                warmUp.run(like, cfg.signingKey().orElse(null));
            } catch (RuntimeException e) {
                LOG.warnf(e, "warm-up for backbone %s failed; the first batch pays the cold costs", like.backbone());
            }
        }
        LOG.infof("warm-up of the training loop (backbones %s) took %d ms", byBackbone.keySet(), (System.nanoTime() - t0) / 1_000_000);
    }

    private ModelSpec decodeSpec(byte[] b) {
        try {
            return json.readValue(b, ModelSpec.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (loop != null) {
            loop.stop();
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (specs != null) {
            specs.close();
        }
        if (checkpoints != null) {
            checkpoints.close();
        }
        features.close();
    }

    /** Whether the loop thread is alive (or deliberately disabled). */
    public boolean healthy() {
        return !cfg.enabled() || (thread != null && thread.isAlive());
    }

    /** Statuses of the models this instance trains. */
    public StatusBoard board() {
        return board;
    }
}
