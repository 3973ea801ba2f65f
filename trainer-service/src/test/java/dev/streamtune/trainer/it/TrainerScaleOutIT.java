package dev.streamtune.trainer.it;

import static org.awaitility.Awaitility.await;

import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.TopicLayout;
import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.kafka.local.KafkaBroker;
import dev.streamtune.kafka.local.KafkaExtension;
import dev.streamtune.trainer.flow.StreamFixture;
import dev.streamtune.trainer.flow.VersionLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two trainers in one group split the models; killing one hands its models, with checkpoints, to the other. */
@ExtendWith(KafkaExtension.class)
class TrainerScaleOutIT {

    private static final List<String> TWO = List.of("noun.animal", "noun.food");

    @Test
    void killedInstanceHandsItsModelsToTheOtherWithoutLoss(KafkaBroker broker) throws Exception {
        String bootstrap = broker.bootstrapServers();
        List<String> models = modelsOnDistinctPartitions("scale-" + UUID.randomUUID().toString().substring(0, 6));
        List<dev.streamtune.core.data.WordNetGloss> glosses = StreamFixture.glosses(TWO, 100, 9);
        String group = "scale-group-" + UUID.randomUUID();
        try (StreamFixture fixture = new StreamFixture(bootstrap)) {
            for (String m : models) {
                fixture.register(m, 40, 1, 1.0, ModelSpec.ReplaySettings.defaults());
                fixture.send(m, glosses.subList(0, 100), "", l -> l);
            }
            Map<String, String> common = Map.of("trainer.group-id", group, "trainer.consume.max-records", "20",
                    "trainer.checkpoint.every-seconds", "1");
            try (TrainerProcess first = TrainerProcess.start("scale-a", bootstrap, with(common, "trainer.instance-id", "a-" + group));
                    TrainerProcess second = TrainerProcess.start("scale-b", bootstrap, with(common, "trainer.instance-id", "b-" + group))) {
                // both instances own one model each
                await().atMost(Duration.ofMinutes(4)).until(() -> trains(first, models) && trains(second, models));
                first.kill();
                for (String m : models) {
                    fixture.send(m, glosses.subList(100, 200), "", l -> l);
                }
                for (String m : models) {
                    await().atMost(Duration.ofMinutes(4)).until(() -> lastCumulative(bootstrap, fixture, m) == 200);
                    LineageCheck.assertExactlyOnce(VersionLog.read(bootstrap, fixture.topics().modelVersions(), m),
                            LineageCheck.sampleOffsets(bootstrap, fixture.topics().samples(), m));
                }
            }
        }
    }

    private static boolean trains(TrainerProcess t, List<String> models) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + t.port() + "/v1/training")).build(), HttpResponse.BodyHandlers.ofString());
        return models.stream().filter(r.body()::contains).count() == 1;
    }

    /** Two model names whose records land on different samples partitions. */
    private static List<String> modelsOnDistinctPartitions(String prefix) {
        List<String> out = new ArrayList<>();
        boolean[] used = new boolean[TopicLayout.SAMPLES_PARTITIONS];
        for (int i = 0; out.size() < 2; i++) {
            String name = prefix + "-" + i;
            int p = Utils.toPositive(Utils.murmur2(name.getBytes(StandardCharsets.UTF_8))) % TopicLayout.SAMPLES_PARTITIONS;
            if (!used[p]) {
                used[p] = true;
                out.add(name);
            }
        }
        return out;
    }

    private static Map<String, String> with(Map<String, String> base, String k, String v) {
        Map<String, String> m = new java.util.HashMap<>(base);
        m.put(k, v);
        return m;
    }

    private static long lastCumulative(String bootstrap, StreamFixture f, String model) {
        List<VersionInfo> v = VersionLog.read(bootstrap, f.topics().modelVersions(), model);
        return v.isEmpty() ? 0 : v.get(v.size() - 1).cumulativeSamples();
    }
}
