package dev.streamtune.inference.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.TopicLayout;
import dev.streamtune.contracts.Topics;
import dev.streamtune.core.bert.SharedBaseEncoder;
import dev.streamtune.inference.batching.BatcherPool;
import dev.streamtune.inference.batching.SharedBackbones;
import dev.streamtune.inference.messaging.PinStore;
import dev.streamtune.inference.messaging.VersionRecordHandler;
import dev.streamtune.inference.swap.HeadLoader;
import dev.streamtune.inference.swap.IntegrityCheck;
import dev.streamtune.inference.swap.ModelLoader;
import dev.streamtune.inference.swap.RegisteredModels;
import dev.streamtune.inference.swap.ServingModels;
import dev.streamtune.inference.swap.TunedModelLoader;
import dev.streamtune.kafka.common.CompactedTopicView;
import dev.streamtune.kafka.common.TopicCreator;
import dev.streamtune.kafka.common.TopicFollower;
import java.io.IOException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * One replica's serving machinery over Kafka, without CDI (the service runs one; tests start a second over the
 * same topics to check what a restarted replica loads). Start order: topics, the spec and pin views (read up to
 * now), then the version feed; the loader starts loading once the feed has caught up, so a replica loads each
 * model's final target rather than every historical version.
 */
public final class ServingStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServingStack.class);
    private static final Duration SYNC_WAIT = Duration.ofSeconds(30);

    private final CompactedTopicView<ModelSpec> specs;
    private final PinStore pins;
    private final ServingModels models;
    private final BatcherPool batchers;
    private final ModelLoader loader;
    private final TunedModelLoader tuned;
    private final TopicFollower feed;

    /**
     * Starts following the topics and loading models; backbones (and the base encoder of {@code fine-tune}/
     * {@code lora} versions) are shared with whoever owns {@code backbones} and {@code baseEncoder}.
     */
    public ServingStack(StackSettings settings, String bootstrap, ObjectMapper json, SharedBackbones backbones,
            SharedBaseEncoder baseEncoder, HeadLoader heads, InferenceMetrics metrics) {
        Topics topics = settings.topics();
        TopicCreator.ensure(bootstrap, TopicLayout.all(topics), settings.replicationFactor(), SYNC_WAIT.toMillis());
        this.specs = new CompactedTopicView<>(bootstrap, topics.modelSpecs(), b -> decodeSpec(json, b));
        this.pins = new PinStore(bootstrap, topics.modelPins(), json);
        warnUnlessSynced(specs.awaitCaughtUp(SYNC_WAIT), topics.modelSpecs());
        warnUnlessSynced(pins.awaitCaughtUp(SYNC_WAIT), topics.modelPins());
        RegisteredModels registered = new SpecRegistry(specs);
        this.models = new ServingModels(settings.keepVersions(), new IntegrityCheck(settings.signingKey()), metrics, registered);
        this.batchers = new BatcherPool(settings.batching(), metrics::batchSize);
        this.tuned = new TunedModelLoader(baseEncoder, settings.signingKey(), batchers);
        this.loader = new ModelLoader(backbones, heads, tuned, batchers, registered, metrics);
        models.loader(loader);
        pins.onChange((model, pin) -> models.onPin(model, pin == null ? null : pin.version()));
        pins.all().forEach((model, pin) -> models.onPin(model, pin.version()));
        specs.onChange((model, spec) -> models.onSpec(model));
        // every version record from the beginning; the handler keeps only what ServingModels keeps
        this.feed = new TopicFollower(bootstrap, topics.modelVersions(), "version-feed", new VersionRecordHandler(json, models));
        loader.start(() -> {
            while (!feed.awaitCaughtUp(SYNC_WAIT)) {
                LOG.warnf("still reading %s up to its end", topics.modelVersions());
            }
            models.synced();
            LOG.info("version feed caught up; loading the target version of every model");
        });
    }

    private static ModelSpec decodeSpec(ObjectMapper json, byte[] bytes) {
        try {
            return json.readValue(bytes, ModelSpec.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static void warnUnlessSynced(boolean synced, String topic) {
        if (!synced) {
            LOG.warnf("%s not read up to its end within %s; going on with what was read", topic, SYNC_WAIT);
        }
    }

    /** The models of this replica. */
    public ServingModels models() {
        return models;
    }

    /** The spec of {@code model}, or {@code null}. */
    public ModelSpec spec(String model) {
        return specs.get(model);
    }

    /** The pins, for the admin endpoints. */
    public PinStore pins() {
        return pins;
    }

    /** Whether the Kafka readers are alive. */
    public boolean alive() {
        return feed.alive();
    }

    /** Stops reading, stops loading, closes the batchers and lets the serving versions close. */
    @Override
    public void close() {
        feed.close();
        loader.close();
        pins.close();
        specs.close();
        batchers.close();
        models.clear();
        tuned.close();
    }
}
