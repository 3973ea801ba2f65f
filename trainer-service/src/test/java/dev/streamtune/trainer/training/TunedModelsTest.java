package dev.streamtune.trainer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.SampleRecord;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.contracts.Task;
import dev.streamtune.core.bert.FineTuneStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class TunedModelsTest {

    private static ModelSpec spec(Task task, Strategy strategy, ModelSpec.Tuning tuning) {
        return new ModelSpec("m", task, "minilm-l6-v2", strategy, List.of("a", "b"), null, null, 1, 0, tuning);
    }

    private static SampleRecord text(String id, String text) {
        return new SampleRecord(id, "m", text, null, "a", 0, 0);
    }

    @Test
    void mapsTheSpecsTuningOntoTheStrategy() {
        assertEquals(FineTuneStrategy.fineTune(2),
                TunedModels.strategy(spec(Task.TEXT_CLASSIFICATION, Strategy.FINE_TUNE, null), 2f));
        assertEquals(FineTuneStrategy.lora(4, 8f, 3, TunedModels.LORA_TARGETS),
                TunedModels.strategy(spec(Task.TEXT_CLASSIFICATION, Strategy.LORA, new ModelSpec.Tuning(3, 4)), 2f));
        assertEquals("lora-r8-top2-query+value",
                TunedModels.strategy(spec(Task.TEXT_CLASSIFICATION, Strategy.LORA, null), 2f).label());
    }

    @Test
    void onlyTextModelsWithFineTuneOrLoraTrainTheirEncoder() {
        assertTrue(TunedModels.tunesEncoder(spec(Task.TEXT_CLASSIFICATION, Strategy.LORA, null)));
        assertFalse(TunedModels.tunesEncoder(spec(Task.TEXT_CLASSIFICATION, Strategy.FEATURE_EXTRACTION, null)));
        assertFalse(TunedModels.tunesEncoder(spec(Task.IMAGE_CLASSIFICATION, Strategy.FINE_TUNE, null)));
        assertThrows(IllegalArgumentException.class,
                () -> TunedModels.strategy(spec(Task.IMAGE_CLASSIFICATION, Strategy.FINE_TUNE, null), 2f));
        assertThrows(IllegalArgumentException.class, () -> TunedModels.strategy(
                spec(Task.TEXT_CLASSIFICATION, Strategy.LORA, new ModelSpec.Tuning(2, 0)), 2f));
    }

    @Test
    void tunedModelsSkipTheFrozenBackboneAndRejectSamplesWithoutText() {
        FeatureExtractor frozen = (s, samples) -> new float[samples.size()][];
        StrategyFeatures features = new StrategyFeatures((s, samples) -> {
            throw new AssertionError("the frozen backbone must not run for " + s.strategy().id());
        });
        ModelSpec lora = spec(Task.TEXT_CLASSIFICATION, Strategy.LORA, null);
        float[][] rows = features.features(lora, List.of(text("1", "a dog"), text("2", "bread")));
        assertEquals(2, rows.length);
        assertEquals(0, rows[0].length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> features.features(lora, List.of(text("3", " "))));
        assertTrue(e.getMessage().contains("sample 3"), e.getMessage());
        ModelSpec plain = spec(Task.TEXT_CLASSIFICATION, Strategy.FEATURE_EXTRACTION, null);
        assertEquals(1, new StrategyFeatures(frozen).features(plain, List.of(text("4", "a cat"))).length);
    }
}
