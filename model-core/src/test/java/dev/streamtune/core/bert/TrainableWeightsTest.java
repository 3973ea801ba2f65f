package dev.streamtune.core.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.core.backbone.MiniLmBackbone;
import dev.streamtune.core.backbone.TextEncoderOptions;
import dev.streamtune.core.head.FloatTensor;
import dev.streamtune.core.head.HeadConfig;
import dev.streamtune.core.head.HeadPredictor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrainableWeightsTest {

    private static final HeadConfig HEAD = HeadConfig.linear(384);
    private static final List<String> LABELS = List.of("animal", "food");
    private static final FineTuneStrategy LORA_QV = FineTuneStrategy.lora(8, 16f, 6, List.of(Projection.QUERY,
            Projection.VALUE));

    private static MiniLmEncoder base;
    private static List<LabeledText> examples;
    private static List<String> texts;

    @BeforeAll
    static void open() {
        base = MiniLmEncoder.openBuiltIn(TextEncoderOptions.defaults().withMaxLength(32));
        examples = new ArrayList<>(WordNetGlosses.examples(WordNetGlosses.ANIMAL, "animal", 3));
        examples.addAll(WordNetGlosses.examples(WordNetGlosses.FOOD, "food", 3));
        texts = examples.stream().map(LabeledText::text).toList();
    }

    @AfterAll
    static void close() {
        base.close();
    }

    @Test
    void exportsOnlyTunedTensorsAndHeadWithSmallLoraArtifact() {
        long featureBytes = exported(FineTuneStrategy.featureExtraction()).byteSize();
        TrainableWeights fineTune = exported(FineTuneStrategy.fineTune(2));
        TrainableWeights lora = exported(LORA_QV);
        System.out.printf("artifact bytes: feature-extraction %d, fine-tune-top2 %d, %s %d%n", featureBytes,
                fineTune.byteSize(), LORA_QV.label(), lora.byteSize());

        assertEquals(4L * (2 * 384 + 2), featureBytes);
        assertEquals(4L * (2 * 1_774_464 + 2 * 384 + 2), fineTune.byteSize(), "2 BERT layers + head");
        assertEquals(4L * (6 * 2 * (8 * 384 + 384 * 8) + 2 * 384 + 2), lora.byteSize(), "adapters + head");
        assertTrue(lora.byteSize() < 2_000_000, "rank-8 LoRA artifact " + lora.byteSize() + " bytes");
    }

    @Test
    void rebuiltModelGivesTheSameLogits() {
        for (FineTuneStrategy strategy : List.of(FineTuneStrategy.fineTune(1), LORA_QV)) {
            try (TextClassifier trained = TextClassifier.create(base, strategy, HEAD, LABELS, 4)) {
                FineTuner tuner = new FineTuner(trained, TrainingOptions.defaults(strategy), null, null);
                tuner.step(examples);
                tuner.step(examples);
                trained.classIndex("plant");

                try (TextClassifier rebuilt = TextClassifier.rebuild(base, trained.export())) {
                    float[][] expected = trained.predict(texts);
                    float[][] actual = rebuilt.predict(texts);

                    assertEquals(List.of("animal", "food", "plant"), rebuilt.labels());
                    for (int i = 0; i < expected.length; i++) {
                        for (int c = 0; c < 3; c++) {
                            assertEquals(expected[i][c], actual[i][c], 1e-6, strategy.label() + " row " + i);
                        }
                    }
                }
            }
        }
    }

    @Test
    void freshLoraModelComputesThePretrainedSentenceVectors() {
        try (TextClassifier lora = TextClassifier.create(base, LORA_QV, HEAD, LABELS, 5);
                TextClassifier frozen = TextClassifier.rebuild(base, new TrainableWeights(
                        FineTuneStrategy.featureExtraction(), HEAD, LABELS, headTensors(lora.export())))) {
            float[][] adapted = lora.predict(texts);
            float[][] pretrained = frozen.predict(texts);

            for (int i = 0; i < adapted.length; i++) {
                for (int c = 0; c < 2; c++) {
                    assertEquals(pretrained[i][c], adapted[i][c], 1e-5, "row " + i);
                }
            }
        }
    }

    @Test
    void featureExtractionExportIsAnMlpHeadOnTheBackboneVectors() {
        TrainableWeights weights;
        float[][] logits;
        try (TextClassifier model = TextClassifier.create(base, FineTuneStrategy.featureExtraction(), HEAD, LABELS, 6)) {
            new FineTuner(model, TrainingOptions.defaults(model.strategy()), null, null).step(examples);
            weights = model.export();
            logits = model.predict(texts);
        }
        try (MiniLmBackbone backbone = MiniLmBackbone.open(TextEncoderOptions.defaults().withMaxLength(32));
                HeadPredictor head = HeadPredictor.create(HEAD.layout(2), weights.labels(), weights.tensors())) {
            float[][] probabilities = head.probabilities(backbone.embed(texts));

            for (int i = 0; i < texts.size(); i++) {
                double ours = 1 / (1 + Math.exp(logits[i][0] - logits[i][1]));
                assertEquals(ours, probabilities[i][1], 1e-5, "row " + i);
            }
        }
    }

    @Test
    void rejectsWeightsWithoutATunedTensor() {
        TrainableWeights full = exported(FineTuneStrategy.fineTune(1));
        List<FloatTensor> missing = new ArrayList<>(full.tensors());
        missing.remove(0);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextClassifier.rebuild(base,
                new TrainableWeights(full.strategy(), HEAD, LABELS, missing)));

        assertEquals("weights for fine-tune-top1 has no tensor encoder.layer.5.attention.self.query.weight", e.getMessage());
    }

    @Test
    void rejectsWeightsOfAnotherStrategy() {
        TrainableWeights lora = exported(FineTuneStrategy.lora(4, 8f, 1, List.of(Projection.QUERY)));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextClassifier.rebuild(base,
                new TrainableWeights(FineTuneStrategy.featureExtraction(), HEAD, LABELS, lora.tensors())));

        assertTrue(e.getMessage().startsWith("tensors do not fit the head: expected 2 tensors"), e.getMessage());
    }

    @Test
    void rejectsMisshapenLoraAdapter() {
        FineTuneStrategy rank4 = FineTuneStrategy.lora(4, 8f, 1, List.of(Projection.QUERY));
        TrainableWeights weights = exported(rank4);
        FineTuneStrategy rank2 = FineTuneStrategy.lora(2, 8f, 1, List.of(Projection.QUERY));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextClassifier.rebuild(base,
                new TrainableWeights(rank2, HEAD, LABELS, weights.tensors())));

        assertEquals("weights for lora-r2-top1-query: tensor encoder.layer.5.attention.self.query.lora_A has shape"
                + " [4, 384], expected [2, 384]", e.getMessage());
    }

    @Test
    void rejectsHeadWithDropout() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextClassifier.create(base,
                FineTuneStrategy.featureExtraction(), new HeadConfig(384, List.of(), 0.1f), LABELS, 1));

        assertEquals("a fine-tuned head trains without dropout, was 0.1", e.getMessage());
    }

    private static TrainableWeights exported(FineTuneStrategy strategy) {
        try (TextClassifier model = TextClassifier.create(base, strategy, HEAD, LABELS, 2)) {
            return model.export();
        }
    }

    private static List<FloatTensor> headTensors(TrainableWeights weights) {
        return weights.tensors().stream().filter(t -> t.name().startsWith("output.")).toList();
    }
}
