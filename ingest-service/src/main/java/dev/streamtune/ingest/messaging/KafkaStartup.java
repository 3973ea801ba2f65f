package dev.streamtune.ingest.messaging;

import dev.streamtune.contracts.TopicLayout;
import dev.streamtune.contracts.Topics;
import dev.streamtune.kafka.common.NativeLz4;
import dev.streamtune.kafka.common.TopicCreator;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * At startup, in the background (the HTTP server does not wait for Kafka): creates the topics this service
 * writes if they are missing (samples, model-specs), retrying until Kafka answers, then starts the model-spec
 * view. Readiness stays down until the view has caught up.
 */
@ApplicationScoped
public class KafkaStartup {

    private static final Logger LOG = Logger.getLogger(KafkaStartup.class);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    private static final long RETRY_MILLIS = 2000;

    private final TopicCreator topicCreator;
    private final ModelSpecView view;
    private final List<TopicLayout> layouts;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean topicsReady;

    public KafkaStartup(TopicCreator topicCreator, ModelSpecView view, Topics topics) {
        this.topicCreator = topicCreator;
        this.view = view;
        this.layouts = List.of(TopicLayout.samples(topics), TopicLayout.modelSpecs(topics));
    }

    void onStart(@Observes StartupEvent event) {
        NativeLz4.enable(); // before any producer compresses a batch
        Thread t = new Thread(this::prepare, "kafka-startup");
        t.setDaemon(true);
        t.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped.countDown();
    }

    /** Whether the topics exist (created now or before). */
    public boolean topicsReady() {
        return topicsReady;
    }

    private void prepare() {
        while (stopped.getCount() > 0) {
            try {
                List<String> created = topicCreator.ensure(layouts, ATTEMPT_TIMEOUT);
                LOG.infof("topics ready (%s created now)", created.isEmpty() ? "none" : String.join(", ", created));
                topicsReady = true;
                view.start();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("cannot create topics yet (%s); retrying", e.getMessage());
                try {
                    stopped.await(RETRY_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
