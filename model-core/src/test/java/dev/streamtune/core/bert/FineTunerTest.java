package dev.streamtune.core.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import dev.streamtune.core.backbone.TextEncoderOptions;
import dev.streamtune.core.head.FloatTensor;
import dev.streamtune.core.head.HeadConfig;
import dev.streamtune.contracts.Strategy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FineTunerTest {

    private static final HeadConfig HEAD = HeadConfig.linear(384);

    private static MiniLmEncoder base;
    private static List<LabeledText> animalsAndFood;
    private static List<LabeledText> plants;
    private static ActivationCache[] caches;

    @BeforeAll
    static void open() {
        base = MiniLmEncoder.openBuiltIn(TextEncoderOptions.defaults().withMaxLength(32));
        animalsAndFood = new ArrayList<>();
        List<LabeledText> animals = WordNetGlosses.examples(WordNetGlosses.ANIMAL, "animal", 4);
        List<LabeledText> food = WordNetGlosses.examples(WordNetGlosses.FOOD, "food", 4);
        for (int i = 0; i < 4; i++) {
            animalsAndFood.add(animals.get(i));
            animalsAndFood.add(food.get(i));
        }
        plants = WordNetGlosses.examples(WordNetGlosses.PLANT, "plant", 4);
        caches = new ActivationCache[base.config().layers() + 1];
        for (int layer = 0; layer < caches.length; layer++) {
            caches[layer] = new ActivationCache(base, layer, 100);
        }
    }

    /** The shared cache for {@code strategy}: each gloss runs through the frozen layers once per test class. */
    private static ActivationCache cache(FineTuneStrategy strategy) {
        return caches[strategy.firstTrainedLayer(base.config())];
    }

    @AfterAll
    static void close() {
        base.close();
    }

    @Test
    void everyStrategyLowersTheLossOnRealGlosses() {
        for (FineTuneStrategy strategy : List.of(FineTuneStrategy.featureExtraction(), FineTuneStrategy.fineTune(1),
                FineTuneStrategy.lora(4, 8f, 2, List.of(Projection.QUERY, Projection.VALUE)))) {
            try (TextClassifier model = TextClassifier.create(base, strategy, HEAD, List.of("animal", "food"), 7)) {
                FineTuner tuner = new FineTuner(model, TrainingOptions.defaults(strategy).withLearningRates(5e-2f,
                        strategy.kind() == Strategy.LORA ? 5e-3f : 2e-4f), cache(strategy), null);
                float first = tuner.step(animalsAndFood).crossEntropy();
                float last = first;
                for (int i = 0; i < 12; i++) {
                    last = tuner.step(animalsAndFood).crossEntropy();
                }

                assertTrue(last < first / 2, strategy.label() + ": loss " + first + " -> " + last);
            }
        }
    }

    @Test
    void cachedFrozenLayersTrainExactlyLikeRecomputedOnes() {
        FineTuneStrategy strategy = FineTuneStrategy.fineTune(2);
        ActivationCache cache = new ActivationCache(base, 4, 100);
        try (TextClassifier cached = TextClassifier.create(base, strategy, HEAD, List.of("animal", "food"), 1);
                TextClassifier recomputed = TextClassifier.create(base, strategy, HEAD, List.of("animal", "food"), 1)) {
            TrainingOptions options = TrainingOptions.defaults(strategy);
            FineTuner withCache = new FineTuner(cached, options, cache, null);
            FineTuner without = new FineTuner(recomputed, options, null, null);
            for (int i = 0; i < 2; i++) {
                withCache.step(animalsAndFood.subList(0, 4));
                without.step(animalsAndFood.subList(0, 4));
                withCache.step(animalsAndFood.subList(4, 8));
                without.step(animalsAndFood.subList(4, 8));
            }
            assertEquals(8, cache.size());
            assertEquals(8, cache.hits());
            float[][] a = cached.predict(cache, plants);
            float[][] b = recomputed.predict(plants.stream().map(LabeledText::text).toList());

            for (int i = 0; i < a.length; i++) {
                for (int c = 0; c < a[i].length; c++) {
                    assertEquals(b[i][c], a[i][c], 1e-3, "row " + i);
                }
            }
        }
    }

    @Test
    void cacheBuiltOnALowerCacheHoldsTheSameStates() {
        ActivationCache chained = new ActivationCache(caches[4], 6, 100);
        try (TextClassifier model = TextClassifier.create(base, FineTuneStrategy.featureExtraction(), HEAD,
                List.of("animal", "food"), 2)) {
            float[][] direct = model.predict(caches[6], plants);
            float[][] lifted = model.predict(chained, plants);

            for (int i = 0; i < direct.length; i++) {
                assertEquals(direct[i][0], lifted[i][0], 1e-5, "row " + i);
                assertEquals(direct[i][1], lifted[i][1], 1e-5, "row " + i);
            }
        }
    }

    @Test
    void rejectsChainingOntoAHigherCache() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ActivationCache(caches[5], 4, 10));

        assertEquals("cache of layer 5 is not below layer 4", e.getMessage());
    }

    @Test
    void warmUpAndDiscriminativeRatesScaleTheFirstUpdate() {
        FineTuneStrategy strategy = FineTuneStrategy.fineTune(1);
        try (TextClassifier model = TextClassifier.create(base, strategy, HEAD, List.of("animal", "food"), 3)) {
            TrainingOptions options = new TrainingOptions(1e-2f, 1e-4f, 10, 0f, 0f, 2f, 0f);
            TrainableWeights before = model.export();

            new FineTuner(model, options, cache(strategy), null).step(animalsAndFood);

            TrainableWeights after = model.export();
            // Adam's first bias-corrected step moves every weight with a gradient by about the learning rate;
            // warm-up over 10 steps gives a tenth of it.
            assertEquals(1e-3, maxChange(before, after, "output.weight"), 1e-4);
            assertEquals(1e-5, maxChange(before, after, "encoder.layer.5.output.dense.weight"), 1e-6);
        }
    }

    @Test
    void fineTuneChangesOnlyItsCopiesNeverTheSharedBase() {
        NDArray pretrained = base.parameters().get("encoder.layer.5.attention.self.query.weight");
        float[] original = pretrained.toFloatArray();
        FineTuneStrategy strategy = FineTuneStrategy.fineTune(2);
        try (TextClassifier model = TextClassifier.create(base, strategy, HEAD, List.of("animal", "food"), 3)) {
            FineTuner tuner = new FineTuner(model, TrainingOptions.defaults(strategy).withLearningRates(1e-2f, 1e-3f),
                    cache(strategy), null);
            for (int i = 0; i < 3; i++) {
                tuner.step(animalsAndFood);
            }
            TrainableWeights weights = model.export();

            assertTrue(maxChange(original, tensor(weights, "encoder.layer.5.attention.self.query.weight")) > 1e-4);
            assertEquals(0.0, maxChange(original, new FloatTensor("pretrained", new int[] {384, 384},
                    pretrained.toFloatArray())));
            assertEquals(34, weights.tensors().size(), "2 layers x 16 tensors + head");
        }
    }

    @Test
    void distillationIsZeroAgainstAnIdenticalTeacherAndGrowsWhileLearningNewClasses() {
        FineTuneStrategy strategy = FineTuneStrategy.lora(4, 8f, 2, List.of(Projection.QUERY, Projection.VALUE));
        ActivationCache cache = cache(strategy);
        try (TextClassifier model = TextClassifier.create(base, strategy, HEAD, List.of("animal", "food"), 5)) {
            FineTuner first = new FineTuner(model, TrainingOptions.defaults(strategy).withLearningRates(5e-2f, 5e-3f),
                    cache, null);
            for (int i = 0; i < 5; i++) {
                first.step(animalsAndFood);
            }
            List<LabeledText> mixed = new ArrayList<>(plants);
            mixed.addAll(animalsAndFood.subList(0, 4));
            try (Teacher teacher = Teacher.snapshotOf(model, cache)) {
                FineTuner second = new FineTuner(model, TrainingOptions.defaults(strategy)
                        .withLearningRates(5e-2f, 5e-3f).withDistillation(1f, 2f), cache, teacher);

                StepResult start = second.step(mixed);
                StepResult later = start;
                for (int i = 0; i < 5; i++) {
                    later = second.step(plants);
                }

                assertEquals(List.of("animal", "food", "plant"), model.labels());
                System.out.println("distillation at the start " + start.distillation() + ", after 5 steps "
                        + later.distillation());
                assertEquals(0f, start.distillation(), 1e-6, "student equals teacher on the old classes");
                assertTrue(later.distillation() > 1e-5, "distillation " + later.distillation());
            }
        }
    }

    @Test
    void anchoringKeepsTunedWeightsCloserToPretrained() {
        for (FineTuneStrategy strategy : List.of(FineTuneStrategy.fineTune(1),
                FineTuneStrategy.lora(4, 8f, 1, List.of(Projection.QUERY)))) {
            double free = distanceFromPretrained(strategy, 0f);
            double anchored = distanceFromPretrained(strategy, 50f);

            assertTrue(anchored < free * 0.9, strategy.label() + ": anchored " + anchored + " vs free " + free);
        }
    }

    @Test
    void leavesNoArraysBehindAfterSteps() {
        FineTuneStrategy strategy = FineTuneStrategy.lora(4, 8f, 2, List.of(Projection.QUERY, Projection.VALUE));
        ActivationCache cache = cache(strategy);
        try (TextClassifier model = TextClassifier.create(base, strategy, HEAD, List.of("animal", "food"), 5)) {
            FineTuner tuner = new FineTuner(model, TrainingOptions.defaults(strategy).withAnchor(1f), cache, null);
            tuner.step(animalsAndFood);
            int afterFirst = model.manager().getManagedArrays().size();
            int baseArrays = base.parameters().get("embeddings.LayerNorm.bias").getManager().getManagedArrays().size();
            for (int i = 0; i < 3; i++) {
                tuner.step(animalsAndFood);
                model.predict(cache, plants);
            }

            assertEquals(afterFirst, model.manager().getManagedArrays().size());
            assertEquals(baseArrays,
                    base.parameters().get("embeddings.LayerNorm.bias").getManager().getManagedArrays().size());
        }
    }

    @Test
    void rejectsEmptyBatch() {
        FineTuneStrategy strategy = FineTuneStrategy.featureExtraction();
        try (TextClassifier model = TextClassifier.create(base, strategy, HEAD, List.of("animal"), 1)) {
            FineTuner tuner = new FineTuner(model, TrainingOptions.defaults(strategy), null, null);

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tuner.step(List.of()));

            assertEquals("a training step needs at least one example", e.getMessage());
        }
    }

    @Test
    void failedStepLeavesLabelsAndWeightsUnchanged() {
        FineTuneStrategy strategy = FineTuneStrategy.featureExtraction();
        ActivationCache cache = new ActivationCache(base, 6, 10);
        try (TextClassifier model = TextClassifier.create(base, strategy, HEAD, List.of("animal"), 1)) {
            FineTuner tuner = new FineTuner(model, TrainingOptions.defaults(strategy), cache, null);
            tuner.step(List.of(new LabeledText("s1", "a dog", "animal")));
            TrainableWeights before = model.export();

            assertThrows(IllegalArgumentException.class,
                    () -> tuner.step(List.of(new LabeledText("s1", "a different text", "food"))));

            assertEquals(List.of("animal"), model.labels());
            assertEquals(before, model.export());
        }
    }

    @Test
    void rejectsCacheOfAnotherLayer() {
        FineTuneStrategy strategy = FineTuneStrategy.fineTune(2);
        try (TextClassifier model = TextClassifier.create(base, strategy, HEAD, List.of("animal"), 1)) {
            ActivationCache wrong = new ActivationCache(base, 5, 10);

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new FineTuner(model, TrainingOptions.defaults(strategy), wrong, null));

            assertEquals("cache holds the input of layer 5, fine-tune-top2 needs layer 4", e.getMessage());
        }
    }

    @Test
    void rejectsDistillationWithoutTeacher() {
        FineTuneStrategy strategy = FineTuneStrategy.featureExtraction();
        try (TextClassifier model = TextClassifier.create(base, strategy, HEAD, List.of("animal"), 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FineTuner(model,
                    TrainingOptions.defaults(strategy).withDistillation(1f, 2f), null, null));

            assertEquals("distillation weight 1.0 needs a teacher (the previous version)", e.getMessage());
        }
    }

    @Test
    void rejectsReusedSampleIdWithAnotherText() {
        ActivationCache cache = new ActivationCache(base, 6, 10);
        try (TextClassifier model = TextClassifier.create(base, FineTuneStrategy.featureExtraction(), HEAD,
                List.of("animal"), 1)) {
            model.predict(cache, List.of(new LabeledText("s1", "a dog", "animal")));

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> model.predict(cache, List.of(new LabeledText("s1", "a cat", "animal"))));

            assertEquals("sample s1 was cached with another text", e.getMessage());
        }
    }

    private static double distanceFromPretrained(FineTuneStrategy strategy, float anchor) {
        try (TextClassifier model = TextClassifier.create(base, strategy, HEAD, List.of("animal", "food"), 3)) {
            TrainingOptions options = new TrainingOptions(5e-2f, strategy.kind() == Strategy.LORA ? 1e-2f : 1e-3f,
                    0, 0f, 0f, 2f, anchor);
            FineTuner tuner = new FineTuner(model, options, cache(strategy), null);
            for (int i = 0; i < 6; i++) {
                tuner.step(animalsAndFood);
            }
            return Deltas.fromPretrained(base, model);
        }
    }

    static FloatTensor tensor(TrainableWeights weights, String name) {
        return weights.tensors().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static double maxChange(TrainableWeights before, TrainableWeights after, String name) {
        return maxChange(tensor(before, name).data(), tensor(after, name));
    }

    private static double maxChange(float[] before, FloatTensor after) {
        double max = 0;
        for (int i = 0; i < before.length; i++) {
            max = Math.max(max, Math.abs(before[i] - after.data()[i]));
        }
        return max;
    }
}
