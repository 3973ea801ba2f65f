package dev.streamtune.trainer.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.contracts.Task;
import dev.streamtune.contracts.VersionEnvelope;
import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.core.backbone.Backbone;
import dev.streamtune.core.data.WordNetGloss;
import dev.streamtune.core.head.HeadPredictor;
import dev.streamtune.core.head.ScoredLabel;
import dev.streamtune.core.weights.ArtifactPolicy;
import dev.streamtune.core.weights.WeightsArtifact;
import dev.streamtune.core.weights.WeightsArtifactReader;
import dev.streamtune.trainer.training.BackboneFeatures;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads a published version's artifact back and scores it on glosses, with the trainer's own shared MiniLM. */
@ApplicationScoped
public class PublishedModels {

    private final BackboneFeatures features;
    private final String bootstrap;

    public PublishedModels(BackboneFeatures features, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.features = features;
        this.bootstrap = bootstrap;
    }

    /** Accuracy of {@code model}'s published {@code version} on {@code test}. */
    @SuppressWarnings("unchecked")
    public double accuracy(String model, long version, List<WordNetGloss> test) {
        byte[] value = read(model + "/" + version);
        VersionEnvelope env = VersionEnvelope.decode(value);
        VersionInfo info;
        try {
            info = new ObjectMapper().readValue(env.infoJson(), VersionInfo.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        WeightsArtifact artifact = new WeightsArtifactReader(ArtifactPolicy.defaults()).read(env.artifact(), info.artifactSha256(), null);
        Backbone<String> minilm = (Backbone<String>) features.backbone(new ModelSpec(model, Task.TEXT_CLASSIFICATION,
                ModelSpec.DEFAULT_TEXT_BACKBONE, Strategy.FEATURE_EXTRACTION, null, null, null, 0, 0));
        float[][] x = minilm.embed(test.stream().map(WordNetGloss::gloss).toList());
        try (HeadPredictor p = artifact.newPredictor(minilm.info())) {
            List<List<ScoredLabel>> top = p.predict(x, 1);
            int correct = 0;
            for (int i = 0; i < test.size(); i++) {
                if (top.get(i).get(0).label().equals(test.get(i).lexname())) {
                    correct++;
                }
            }
            return correct / (double) test.size();
        }
    }

    private byte[] read(String key) {
        return VersionLog.records(bootstrap, dev.streamtune.contracts.Topics.defaults().modelVersions()).stream()
                .filter(r -> key.equals(r.key())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no version record " + key)).value();
    }
}
