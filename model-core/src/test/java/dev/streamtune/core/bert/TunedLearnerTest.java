package dev.streamtune.core.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.core.backbone.TextEncoderOptions;
import dev.streamtune.core.eval.EvaluationResult;
import dev.streamtune.core.head.FloatTensor;
import dev.streamtune.core.head.HeadConfig;
import dev.streamtune.core.learn.ReplayConfig;
import dev.streamtune.core.replay.ReplayPolicy;
import dev.streamtune.core.snapshot.SnapshotFormatException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TunedLearnerTest {

    private static final int MAX_TOKENS = 32;
    private static final FineTuneStrategy LORA = FineTuneStrategy.lora(4, 8f, 1, List.of(Projection.QUERY,
            Projection.VALUE));

    private static MiniLmEncoder base;
    private static List<LabeledText> first;
    private static List<LabeledText> second;

    @BeforeAll
    static void open() {
        base = MiniLmEncoder.openBuiltIn(TextEncoderOptions.defaults().withMaxLength(MAX_TOKENS));
        List<LabeledText> animals = WordNetGlosses.examples(WordNetGlosses.ANIMAL, "animal", 12);
        List<LabeledText> food = WordNetGlosses.examples(WordNetGlosses.FOOD, "food", 12);
        first = new ArrayList<>(animals.subList(0, 6));
        first.addAll(food.subList(0, 6));
        second = new ArrayList<>(animals.subList(6, 12));
        second.addAll(food.subList(6, 12));
    }

    @AfterAll
    static void close() {
        base.close();
    }

    private static TunedLearnerConfig config(FineTuneStrategy strategy) {
        return new TunedLearnerConfig(strategy, HeadConfig.linear(384), TrainingOptions.defaults(strategy)
                .withLearningRates(2e-2f, 2e-3f), 6, ReplayConfig.of(ReplayPolicy.CLASS_BALANCED, 40, 0.5), 0.2, 40, 7L,
                MAX_TOKENS);
    }

    @Test
    void restoredLearnerContinuesExactlyWithItsOptimizerStateAndReplay() {
        for (FineTuneStrategy strategy : List.of(LORA, FineTuneStrategy.fineTune(1))) {
            try (TunedLearner original = TunedLearner.create(base, config(strategy), List.of())) {
                original.learn(first, 1);
                byte[] snapshot = TunedSnapshot.write(original);
                try (TunedLearner restored = TunedSnapshot.read(snapshot, base)) {
                    assertEquals(original.steps(), restored.steps());
                    assertEquals(original.labels(), restored.labels());
                    original.learn(second, 1);
                    restored.learn(second, 1);
                    assertTrue(restored.replayed() > 0, "second batch mixes in replayed token ids");
                    List<FloatTensor> a = original.export().tensors();
                    List<FloatTensor> b = restored.export().tensors();
                    assertEquals(a.size(), b.size());
                    for (int i = 0; i < a.size(); i++) {
                        assertArrayEquals(a.get(i).data(), b.get(i).data(), 1e-6f, strategy.label() + " " + a.get(i).name());
                    }
                }
            }
        }
    }

    @Test
    void optimizerStateMattersForTheContinuation() {
        try (TunedLearner original = TunedLearner.create(base, config(LORA), List.of())) {
            original.learn(first, 1);
            TrainableWeights afterFirst = original.export();
            try (TunedLearner fresh = TunedLearner.create(base, config(LORA), List.of())) {
                // same weights, fresh optimizer (no moments, warm-up from the start)
                fresh.learn(first.subList(0, 1), 1);
                fresh.model.close();
                fresh.tuner.close();
                fresh.model = TextClassifier.rebuild(base, afterFirst);
                fresh.tuner = new FineTuner(fresh.model, fresh.config.options(), null, null);
                original.learn(second, 1);
                fresh.learn(second, 1);
                float[] a = original.export().tensors().get(0).data();
                float[] b = fresh.export().tensors().get(0).data();
                double diff = 0;
                for (int i = 0; i < a.length; i++) {
                    diff = Math.max(diff, Math.abs(a[i] - b[i]));
                }
                assertTrue(diff > 1e-6, "a restart without optimizer moments trains differently, diff " + diff);
            }
        }
    }

    @Test
    void learnsAndEvaluatesOnHeldOutTokenIds() {
        try (TunedLearner learner = TunedLearner.create(base, config(LORA), List.of("animal", "food"))) {
            learner.learn(first, 1);
            learner.learn(second, 2);
            EvaluationResult r = learner.evaluateHoldout();
            assertTrue(r.total() > 0, "some ids are held out");
            assertEquals(24, learner.trained() + r.total(), "every sample trained or held out");
            assertTrue(learner.steps() >= 4, "two passes over the second batch");
            assertEquals(List.of("animal", "food"), learner.labels());
        }
    }

    @Test
    void rejectsAlteredSnapshotAndBlankInput() {
        try (TunedLearner learner = TunedLearner.create(base, config(LORA), List.of())) {
            learner.learn(first, 1);
            byte[] bytes = TunedSnapshot.write(learner);
            bytes[bytes.length / 2] ^= 0x10;
            assertThrows(SnapshotFormatException.class, () -> TunedSnapshot.read(bytes, base));
            assertThrows(IllegalArgumentException.class, () -> learner.learn(first, 0));
            assertThrows(IllegalArgumentException.class, () -> new LabeledText("x", " ", "animal"));
        }
    }

    @Test
    void tokenRowsKeepRawIdsAndRefuseWhatDoesNotFit() {
        float[] row = TokenRows.row(new long[] {101, 2023, 102}, 5);
        assertEquals(3, TokenRows.length(row));
        var batch = TokenRows.batch(List.of(row, TokenRows.row(new long[] {101, 102}, 5)));
        assertArrayEquals(new long[] {101, 2023, 102, 101, 102, 0}, batch.ids());
        assertArrayEquals(new long[] {1, 1, 1, 1, 1, 0}, batch.mask());
        assertThrows(IllegalArgumentException.class, () -> TokenRows.row(new long[] {101, 0, 102}, 5));
        assertThrows(IllegalArgumentException.class, () -> TokenRows.row(new long[6], 5));
        assertThrows(IllegalArgumentException.class, () -> TokenRows.batch(List.of(new float[5])));
    }
}
