package dev.streamtune.core.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import dev.streamtune.core.backbone.MiniLmBackbone;
import dev.streamtune.core.backbone.TextEncoderOptions;
import dev.streamtune.core.backbone.TokenBatch;
import dev.streamtune.core.backbone.Vectors;
import dev.streamtune.core.head.FloatTensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmEncoderTest {

    private static final List<String> SENTENCES = List.of(
            "The quick brown fox jumps over the lazy dog.",
            "a",
            "Crème brûlée à la française, s'il vous plaît: naïve façade, Größe 5 m².",
            "東京は日本の首都であり、世界最大の都市圏の一つです。",
            "I love pizza 🍕🔥 and rockets 🚀 on Fridays! 😀");

    private static MiniLmEncoder encoder;
    private static NDManager manager;

    @BeforeAll
    static void open() {
        encoder = MiniLmEncoder.openBuiltIn(TextEncoderOptions.defaults());
        manager = NDManager.newBaseManager("PyTorch");
    }

    @AfterAll
    static void close() {
        manager.close();
        encoder.close();
    }

    @Test
    void reproducesOnnxRuntimeLastHiddenStateOnPaddedBatch() throws Exception {
        List<String> texts = new ArrayList<>(SENTENCES);
        texts.addAll(WordNetGlosses.nouns(3));
        TokenBatch batch = encoder.tokenize(texts);
        assertEquals(0, batch.mask()[batch.seq() * 2 - 1], "the short text in row 1 is padded");

        float[] expected = onnxRuntimeLastHiddenState(batch);
        try (NDManager step = manager.newSubManager()) {
            NDArray hidden = encoder.lastHiddenState(step, batch);

            float[] ours = hidden.toFloatArray();
            double real = maxAbsDiff(expected, ours, batch, 1);
            double padding = maxAbsDiff(expected, ours, batch, 0);
            System.out.println("last_hidden_state max abs difference DJL vs ONNX Runtime: real tokens " + real
                    + ", padding positions " + padding);

            assertEquals(new Shape(batch.batch(), batch.seq(), 384), hidden.getShape());
            assertTrue(real <= 1e-5, "real tokens: max abs difference " + real);
            // Padding positions are ignored downstream (masked as keys and in pooling); ORT's fused attention
            // computes their rows with different rounding (about 1e-4 here).
            assertTrue(padding <= 1e-3, "padding positions: max abs difference " + padding);
        }
    }

    @Test
    void meanPooledVectorsMatchMiniLmBackbone() {
        List<String> texts = new ArrayList<>(SENTENCES);
        texts.addAll(WordNetGlosses.nouns(5));
        float[][] expected;
        try (MiniLmBackbone backbone = MiniLmBackbone.open()) {
            expected = backbone.embed(texts);
        }
        TokenBatch batch = encoder.tokenize(texts);
        try (NDManager step = manager.newSubManager()) {
            NDArray pooled = SentencePooling.meanNormalized(encoder.lastHiddenState(step, batch), TokenMasks.floatMask(step, batch));

            for (int i = 0; i < texts.size(); i++) {
                float[] ours = pooled.get(i).toFloatArray();
                double cosine = Vectors.cosine(ours, expected[i]);
                System.out.println("text " + i + " cosine to MiniLmBackbone: " + cosine);
                assertTrue(cosine >= 0.9999, "text " + i + " cosine " + cosine);
            }
        }
    }

    @Test
    void paddingDoesNotChangeRealTokenStates() {
        String shortText = SENTENCES.get(0);
        TokenBatch alone = encoder.tokenize(List.of(shortText));
        TokenBatch padded = encoder.tokenize(List.of(shortText, WordNetGlosses.nouns(1).get(0) + " " + SENTENCES.get(2)));
        try (NDManager step = manager.newSubManager()) {
            float[] single = encoder.lastHiddenState(step, alone).toFloatArray();
            NDArray both = encoder.lastHiddenState(step, padded);
            float[] firstRow = both.get("0, :" + alone.seq() + ", :").toFloatArray();

            assertTrue(alone.seq() < padded.seq());
            double diff = Vectors.maxAbsDiff(single, firstRow);
            assertTrue(diff <= 1e-5, "max abs difference " + diff);
        }
    }

    @Test
    void leavesNoArraysOnTheWeightsManager() {
        int before = encoder.parameters().values().iterator().next().getManager().getManagedArrays().size();
        try (NDManager step = manager.newSubManager()) {
            encoder.lastHiddenState(step, encoder.tokenize(SENTENCES));
        }
        assertEquals(before, encoder.parameters().values().iterator().next().getManager().getManagedArrays().size());
    }

    @Test
    void rejectsBlankTextNamingItsIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> encoder.tokenize(List.of("fine", " ")));

        assertEquals("text at index 1 is empty or blank", e.getMessage());
    }

    @Test
    void rejectsIncompleteWeightsNamingTheMissingTensor() {
        Map<String, FloatTensor> weights = new HashMap<>();
        weights.put(BertConfig.POSITION_IDS, new FloatTensor(BertConfig.POSITION_IDS, new int[] {1, 512}, new float[512]));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MiniLmEncoder.load(weights, BertConfig.MINILM_L6, null));

        assertEquals("encoder weights has no tensor embeddings.word_embeddings.weight", e.getMessage());
    }

    private static float[] onnxRuntimeLastHiddenState(TokenBatch batch) throws Exception {
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(OnnxFixtures.miniLmOnnx())
                .optEngine("OnnxRuntime")
                .optTranslator(new NoopTranslator())
                .build();
        try (ZooModel<NDList, NDList> model = criteria.loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager ort = model.getNDManager().newSubManager()) {
            Shape shape = new Shape(batch.batch(), batch.seq());
            NDList inputs = new NDList(named(ort.create(batch.ids(), shape), "input_ids"),
                    named(ort.create(batch.mask(), shape), "attention_mask"),
                    named(ort.create(batch.types(), shape), "token_type_ids"));
            NDList outputs = predictor.predict(inputs);
            NDArray hidden = outputs.contains("last_hidden_state") ? outputs.get("last_hidden_state") : outputs.head();
            assertArrayEquals(new long[] {batch.batch(), batch.seq(), 384}, hidden.getShape().getShape());
            return hidden.toFloatArray();
        }
    }

    private static NDArray named(NDArray array, String name) {
        array.setName(name);
        return array;
    }

    /** Max abs difference over the token positions whose mask is {@code maskValue}. */
    private static double maxAbsDiff(float[] a, float[] b, TokenBatch batch, long maskValue) {
        int dim = a.length / batch.mask().length;
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            if (batch.mask()[i / dim] == maskValue) {
                max = Math.max(max, Math.abs(a[i] - b[i]));
            }
        }
        return max;
    }
}
