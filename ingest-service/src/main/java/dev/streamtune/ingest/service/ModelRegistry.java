package dev.streamtune.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.streamtune.contracts.Modality;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.contracts.Topics;
import dev.streamtune.ingest.config.IngestConfig;
import dev.streamtune.ingest.messaging.Deadline;
import dev.streamtune.ingest.messaging.KafkaUnavailableException;
import dev.streamtune.ingest.messaging.ModelSpecView;
import dev.streamtune.ingest.messaging.ResilientProducer;
import dev.streamtune.ingest.metrics.IngestMetrics;
import dev.streamtune.ingest.problem.ProblemException;
import dev.streamtune.ingest.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The model registry: specs live on the compacted model-specs topic and are read from this replica's
 * {@link ModelSpecView}. Registering writes the spec with the next revision and waits until the view holds it,
 * so a client that registers and then reads (here) sees its write.
 */
@ApplicationScoped
public class ModelRegistry {

    private final ModelSpecView view;
    private final ResilientProducer producer;
    private final ObjectWriter json;
    private final String topic;
    private final Duration timeout;
    private final int retryAfterSeconds;
    private final IngestMetrics metrics;
    private final Clock clock = Clock.systemUTC();
    private final Object writeLock = new Object();

    public ModelRegistry(ModelSpecView view, ResilientProducer producer, ObjectMapper mapper, Topics topics,
            IngestConfig config, IngestMetrics metrics) {
        this.view = view;
        this.producer = producer;
        this.json = mapper.writerFor(ModelSpec.class);
        this.topic = topics.modelSpecs();
        this.timeout = config.kafka().requestTimeout();
        this.retryAfterSeconds = config.kafka().retryAfterSeconds();
        this.metrics = metrics;
    }

    /** The outcome of a registration: the spec as now registered, and whether the model is new. */
    public record Registration(ModelSpec spec, boolean created) {}

    /**
     * Registers or updates {@code draft} (revision and time are set here). A model's task cannot change: its
     * samples would no longer fit.
     */
    public Registration register(ModelSpec draft) {
        Deadline deadline = Deadline.in(timeout);
        synchronized (writeLock) {
            ModelSpec current = requireCaughtUp(deadline).get(draft.name()).orElse(null);
            if (current != null && current.task() != draft.task()) {
                throw ProblemException.of(ProblemType.TASK_CONFLICT, "Model '" + draft.name() + "' is a "
                        + current.task().id() + " model; its task cannot change to " + draft.task().id()
                        + ". Register a new model under another name.");
            }
            if (current != null && !trainedPart(current).equals(trainedPart(draft))) {
                throw ProblemException.of(ProblemType.STRATEGY_CONFLICT, "Model '" + draft.name() + "' trains "
                        + trainedPart(current) + " and its trainer checkpoints hold that state; it cannot change to "
                        + trainedPart(draft) + ". Register a new model under another name.");
            }
            ModelSpec spec = new ModelSpec(draft.name(), draft.task(), draft.backbone(), draft.strategy(),
                    draft.labels(), draft.replay(), draft.publish(), current == null ? 1 : current.revision() + 1,
                    clock.millis(), draft.tuning());
            RecordMetadata written = producer.sendAll(List.of(toKafka(spec)), deadline).get(0);
            awaitInView(written, deadline);
            metrics.registered(current == null);
            return new Registration(view.get(spec.name()).orElse(spec), current == null);
        }
    }

    /**
     * What a model's trainer state is made of: for text models the strategy and, for {@code fine-tune}/{@code lora},
     * its tuning (the checkpoint holds those tensors); image models always train a head on a frozen backbone.
     */
    private static String trainedPart(ModelSpec spec) {
        if (spec.task().modality() != Modality.TEXT || spec.strategy() == Strategy.FEATURE_EXTRACTION) {
            return "a head on a frozen backbone";
        }
        ModelSpec.Tuning t = spec.tuningOrDefaults();
        return spec.strategy().id() + " (top " + t.layers() + " layers" + (t.rank() > 0 ? ", rank " + t.rank() : "") + ")";
    }

    /** Every registered spec, by name. */
    public List<ModelSpec> list() {
        return requireCaughtUp(Deadline.in(timeout)).all();
    }

    /** The spec of {@code name}; 404 if there is none. */
    public ModelSpec get(String name) {
        return requireCaughtUp(Deadline.in(timeout)).get(name).orElseThrow(() -> ProblemException.of(ProblemType.UNKNOWN_MODEL,
                "No model named '" + name + "' is registered; register it with POST /v1/models first."));
    }

    /** The view, once caught up; right after startup, requests wait for it up to the deadline. */
    private ModelSpecView requireCaughtUp(Deadline deadline) {
        boolean caughtUp;
        try {
            caughtUp = view.caughtUp() || view.awaitCaughtUp(deadline.remainingMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            caughtUp = false;
        }
        if (!caughtUp) {
            throw ProblemException.retryLater(ProblemType.REGISTRY_NOT_READY, "This replica has not finished reading "
                    + topic + " since it started; retry shortly.", retryAfterSeconds, null);
        }
        return view;
    }

    private void awaitInView(RecordMetadata written, Deadline deadline) {
        try {
            if (!view.awaitApplied(written.partition(), written.offset(), deadline.remainingMillis())) {
                throw new KafkaUnavailableException("the spec was written (offset " + written.offset()
                        + ") but this replica has not read it back yet; GET it again shortly", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for the registry", e);
        }
    }

    private ProducerRecord<String, byte[]> toKafka(ModelSpec spec) {
        try {
            return new ProducerRecord<>(topic, spec.name(), json.writeValueAsBytes(spec));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise spec " + spec.name(), e);
        }
    }
}
