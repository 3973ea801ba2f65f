package dev.streamtune.trainer.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.kafka.local.KafkaBroker;
import dev.streamtune.kafka.local.KafkaExtension;
import dev.streamtune.trainer.flow.StreamFixture;
import dev.streamtune.trainer.flow.VersionLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The trainer as a separate process, SIGKILLed mid-stream three times and restarted: the published lineage
 * still covers every sample offset exactly once, and the final model is as good as an uninterrupted run's.
 */
@ExtendWith(KafkaExtension.class)
class TrainerCrashIT {

    private static final List<String> FOUR = List.of("noun.animal", "noun.food", "noun.plant", "noun.artifact");

    @Test
    void sigkilledTrainerResumesFromCheckpointsWithoutLosingOrRepeatingSamples(KafkaBroker broker) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String crashed = "crash-" + suffix;
        String calm = "calm-" + suffix;
        String bootstrap = broker.bootstrapServers();
        List<dev.streamtune.core.data.WordNetGloss> glosses = StreamFixture.glosses(FOUR, 100, 5);
        try (StreamFixture fixture = new StreamFixture(bootstrap)) {
            fixture.register(crashed, 40, 1, 1.0, ModelSpec.ReplaySettings.defaults());
            fixture.send(crashed, glosses, "", l -> l);
            Map<String, String> props = Map.of("trainer.instance-id", "crash-" + suffix, "trainer.consume.max-records", "30",
                    "trainer.checkpoint.every-seconds", "1");
            for (int kill = 1; kill <= 3; kill++) {
                int atLeast = kill * 2;
                TrainerProcess t = TrainerProcess.start("crash", bootstrap, props);
                await().atMost(Duration.ofMinutes(4)).until(() -> versions(bootstrap, fixture, crashed).size() >= atLeast);
                t.kill();
            }
            try (TrainerProcess t = TrainerProcess.start("crash-final", bootstrap, props)) {
                await().atMost(Duration.ofMinutes(4)).until(() -> lastCumulative(bootstrap, fixture, crashed) == glosses.size());
            }
            List<VersionInfo> v = versions(bootstrap, fixture, crashed);
            LineageCheck.assertExactlyOnce(v, LineageCheck.sampleOffsets(bootstrap, fixture.topics().samples(), crashed));

            // the same stream, never interrupted: same ids (same holdout), same spec
            fixture.register(calm, 40, 1, 1.0, ModelSpec.ReplaySettings.defaults());
            fixture.send(calm, glosses, "", l -> l);
            try (TrainerProcess t = TrainerProcess.start("calm", bootstrap, Map.of("trainer.instance-id", "calm-" + suffix,
                    "trainer.consume.max-records", "30"))) {
                await().atMost(Duration.ofMinutes(4)).until(() -> lastCumulative(bootstrap, fixture, calm) == glosses.size());
            }
            double crashedAcc = last(versions(bootstrap, fixture, crashed)).metrics().accuracy();
            double calmAcc = last(versions(bootstrap, fixture, calm)).metrics().accuracy();
            assertEquals(calmAcc, crashedAcc, 0.1, "final holdout accuracy after crashes vs uninterrupted");
            assertTrue(crashedAcc > 0.6, "the crashed model still learned: " + crashedAcc);
        }
    }

    private static List<VersionInfo> versions(String bootstrap, StreamFixture f, String model) {
        return VersionLog.read(bootstrap, f.topics().modelVersions(), model);
    }

    private static long lastCumulative(String bootstrap, StreamFixture f, String model) {
        List<VersionInfo> v = versions(bootstrap, f, model);
        return v.isEmpty() ? 0 : last(v).cumulativeSamples();
    }

    private static VersionInfo last(List<VersionInfo> v) {
        return v.get(v.size() - 1);
    }
}
