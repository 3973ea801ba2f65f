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
            }
            Map<String, String> common = Map.of("trainer.group-id", group, "trainer.consume.max-records", "20",
                    "trainer.checkpoint.every-seconds", "1");
            try (TrainerProcess first = TrainerProcess.start("scale-a", bootstrap, with(common, "trainer.instance-id", "a-" + group));
                    TrainerProcess second = TrainerProcess.start("scale-b", bootstrap, with(common, "trainer.instance-id", "b-" + group))) {
                // the group has settled: the three partitions are split between the two instances
                await().atMost(Duration.ofMinutes(2)).until(() -> owned(first) + owned(second) == TopicLayout.SAMPLES_PARTITIONS
                        && owned(first) > 0 && owned(second) > 0);
                for (String m : models) {
                    fixture.send(m, glosses.subList(0, 100), "", l -> l);
                }
                // each instance trains one of the two models (they live on partitions 0 and 2)
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

    private static int owned(TrainerProcess t) throws Exception {
        String body = get(t, "/v1/training");
        String parts = body.substring(body.indexOf("\"partitions\":[") + 14, body.indexOf(']', body.indexOf("\"partitions\":[")));
        return parts.isBlank() ? 0 : parts.split(",").length;
    }

    private static String get(TrainerProcess t, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + t.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static boolean trains(TrainerProcess t, List<String> models) throws Exception {
        String body = get(t, "/v1/training");
        return models.stream().filter(body::contains).count() == 1;
    }

    /**
     * Two model names whose records land on samples partitions 0 and 2: the range assignor gives one instance
     * partitions 0-1 and the other partition 2, so each instance owns one model.
     */
    private static List<String> modelsOnDistinctPartitions(String prefix) {
        String[] byPartition = new String[TopicLayout.SAMPLES_PARTITIONS];
        for (int i = 0; byPartition[0] == null || byPartition[2] == null; i++) {
            String name = prefix + "-" + i;
            int p = Utils.toPositive(Utils.murmur2(name.getBytes(StandardCharsets.UTF_8))) % TopicLayout.SAMPLES_PARTITIONS;
            if (byPartition[p] == null) {
                byPartition[p] = name;
            }
        }
        return List.of(byPartition[0], byPartition[2]);
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
