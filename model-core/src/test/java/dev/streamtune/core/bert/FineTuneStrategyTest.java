package dev.streamtune.core.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.streamtune.contracts.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class FineTuneStrategyTest {

    @Test
    void firstTrainedLayerIsBelowTheTunedTopLayers() {
        assertEquals(6, FineTuneStrategy.featureExtraction().firstTrainedLayer(BertConfig.MINILM_L6));
        assertEquals(4, FineTuneStrategy.fineTune(2).firstTrainedLayer(BertConfig.MINILM_L6));
        assertEquals(0, FineTuneStrategy.lora(8, 16f, 6, List.of(Projection.QUERY)).firstTrainedLayer(BertConfig.MINILM_L6));
    }

    @Test
    void labelsNameStrategyLayersRankAndTargets() {
        assertEquals("feature-extraction", FineTuneStrategy.featureExtraction().label());
        assertEquals("fine-tune-top2", FineTuneStrategy.fineTune(2).label());
        assertEquals("lora-r8-top6-query+value+output",
                FineTuneStrategy.lora(8, 16f, 6, List.of(Projection.QUERY, Projection.VALUE, Projection.ATTENTION_OUTPUT))
                        .label());
    }

    @Test
    void rejectsMoreLayersThanTheEncoderHas() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FineTuneStrategy.fineTune(7).firstTrainedLayer(BertConfig.MINILM_L6));

        assertEquals("fine-tune wants 7 layers, the encoder has 6", e.getMessage());
    }

    @Test
    void rejectsLoraWithoutRankOrWithUnknownTarget() {
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
                () -> FineTuneStrategy.lora(0, 16f, 2, List.of(Projection.QUERY)));
        IllegalArgumentException target = assertThrows(IllegalArgumentException.class,
                () -> FineTuneStrategy.lora(8, 16f, 2, List.of(Projection.INTERMEDIATE)));

        assertEquals("LoRA rank must be at least 1, was 0", rank.getMessage());
        assertEquals("LoRA target intermediate.dense is not one of " + FineTuneStrategy.LORA_TARGETS, target.getMessage());
    }

    @Test
    void rejectsFineTuneWithoutLayersAndFeatureExtractionWithLayers() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> FineTuneStrategy.fineTune(0));
        IllegalArgumentException some = assertThrows(IllegalArgumentException.class,
                () -> new FineTuneStrategy(Strategy.FEATURE_EXTRACTION, 2, 0, 0f, List.of()));

        assertEquals("fine-tune needs at least 1 trainable layer and no LoRA settings, was 0 layers", none.getMessage());
        assertEquals("feature extraction trains no layers, ranks or targets", some.getMessage());
    }

    @Test
    void rejectsNonPositiveLearningRateAndNegativeRegulariser() {
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class,
                () -> new TrainingOptions(0f, 1e-4f, 0, 0f, 0f, 2f, 0f));
        IllegalArgumentException anchor = assertThrows(IllegalArgumentException.class,
                () -> new TrainingOptions(1e-2f, 1e-4f, 0, 0f, 0f, 2f, -1f));

        assertEquals("headLearningRate must be positive, was 0.0", rate.getMessage());
        assertEquals("anchorWeight must be zero or positive, was -1.0", anchor.getMessage());
    }

    @Test
    void rejectsBlankLabelNamingTheExample() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LabeledText("s-9", "a text", " "));

        assertEquals("example s-9 has an empty label", e.getMessage());
    }
}
