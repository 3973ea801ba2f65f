package dev.streamtune.trainer.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.SampleRecord;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.contracts.Task;
import dev.streamtune.contracts.Topics;
import dev.streamtune.core.data.WordNetGloss;
import dev.streamtune.core.data.WordNetReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Real WordNet noun glosses and a producer that writes specs and samples the way ingest-service does. */
public final class StreamFixture implements AutoCloseable {

    private static List<WordNetGloss> nouns;
    private final ObjectMapper json = new ObjectMapper();
    private final KafkaProducer<String, byte[]> producer;
    private final Topics topics = Topics.defaults();

    public StreamFixture(String bootstrap) {
        // create the topics with their real layout (3 sample partitions), as the services do, before producing:
        // a broker that auto-creates would otherwise make a 1-partition samples topic
        dev.streamtune.kafka.common.TopicCreator.ensure(bootstrap, dev.streamtune.contracts.TopicLayout.all(topics), (short) 1, 30_000);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** {@code perClass} glosses of each lexicographer class, seeded shuffle, interleaved. */
    public static synchronized List<WordNetGloss> glosses(List<String> classes, int perClass, long seed) {
        if (nouns == null) {
            nouns = WordNetReader.system().read("noun");
        }
        Map<String, List<WordNetGloss>> by = nouns.stream().filter(g -> classes.contains(g.lexname()))
                .collect(Collectors.groupingBy(WordNetGloss::lexname));
        List<WordNetGloss> out = new ArrayList<>();
        Random r = new Random(seed);
        for (String c : classes) {
            List<WordNetGloss> l = new ArrayList<>(by.get(c));
            Collections.shuffle(l, r);
            out.addAll(l.subList(0, Math.min(perClass, l.size())));
        }
        Collections.shuffle(out, r);
        return out;
    }

    /** Train and test glosses: per class the first {@code train} of {@code train + test} go to training. */
    public record Split(List<WordNetGloss> train, List<WordNetGloss> test) {}

    /** A seeded, class-disjoint train/test split of real glosses; the training part is shuffled. */
    public static Split split(List<String> classes, int train, int test, long seed) {
        List<WordNetGloss> all = glosses(classes, train + test, seed);
        Map<String, Integer> taken = new java.util.HashMap<>();
        List<WordNetGloss> tr = new ArrayList<>();
        List<WordNetGloss> te = new ArrayList<>();
        for (WordNetGloss g : all) {
            int n = taken.merge(g.lexname(), 1, Integer::sum);
            (n <= train ? tr : te).add(g);
        }
        return new Split(tr, te);
    }

    /** Registers a text model. */
    public void register(String model, int everySamples, double everySeconds, double maxForgetting, ModelSpec.ReplaySettings replay)
            throws Exception {
        ModelSpec spec = new ModelSpec(model, Task.TEXT_CLASSIFICATION, ModelSpec.DEFAULT_TEXT_BACKBONE, Strategy.FEATURE_EXTRACTION,
                null, replay, new ModelSpec.PublishSettings(everySamples, everySeconds, maxForgetting), 1, System.currentTimeMillis());
        producer.send(new ProducerRecord<>(topics.modelSpecs(), model, json.writeValueAsBytes(spec))).get();
    }

    /** Sends glosses as samples of {@code model}; {@code relabel} may change the label (e.g. flip it). */
    public void send(String model, List<WordNetGloss> glosses, String idPrefix, java.util.function.UnaryOperator<String> relabel)
            throws Exception {
        List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
        for (WordNetGloss g : glosses) {
            SampleRecord s = new SampleRecord(idPrefix + g.id(), model, g.gloss(), null, relabel.apply(g.lexname()),
                    System.currentTimeMillis(), System.currentTimeMillis());
            acks.add(producer.send(new ProducerRecord<>(topics.samples(), model, json.writeValueAsBytes(s))));
        }
        for (var f : acks) {
            f.get();
        }
    }

    /** Sends a raw record to the samples topic. */
    public void sendRaw(String key, byte[] value) throws ExecutionException, InterruptedException {
        producer.send(new ProducerRecord<>(topics.samples(), key, value)).get();
    }

    public Topics topics() {
        return topics;
    }

    @Override
    public void close() {
        producer.close();
    }
}
