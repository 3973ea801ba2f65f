package dev.streamtune.core.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.streamtune.contracts.Modality;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmBackboneTest {

    private static final String ACCENTS = "Crème brûlée à la française, s'il vous plaît: naïve façade, Größe 5 m².";
    private static final String EMOJI = "I love pizza 🍕🔥 and rockets 🚀 on Fridays! 😀";
    private static final String JAPANESE = "東京は日本の首都であり、世界最大の都市圏の一つです。";
    private static final String CHINESE = "我喜欢在周末学习机器学习和自然语言处理。";
    private static final String KOREAN = "안녕하세요, 세계! 오늘 날씨가 좋네요.";
    private static final String PLAIN = "The quick brown fox jumps over the lazy dog.";

    private static MiniLmBackbone backbone;
    private static TextEncoderOptions options;

    @BeforeAll
    static void openBackbone() {
        options = TextEncoderOptions.defaults().withBatchSize(4);
        backbone = MiniLmBackbone.open(options);
    }

    @AfterAll
    static void closeBackbone() {
        backbone.close();
    }

    @Test
    void matchesLangchain4jReferenceOnRealSentences() {
        String longText = WordNetText.words(5000);
        List<String> texts = List.of(PLAIN, ACCENTS, EMOJI, JAPANESE, CHINESE, KOREAN, longText);
        AllMiniLmL6V2EmbeddingModel reference = new AllMiniLmL6V2EmbeddingModel();

        float[][] ours = backbone.embed(texts);

        for (int i = 0; i < texts.size(); i++) {
            float[] expected = reference.embed(texts.get(i)).content().vector();
            double cosine = Vectors.cosine(ours[i], expected);
            assertTrue(cosine >= 0.99999, "text " + i + " cosine " + cosine);
        }
    }

    @Test
    void describesBuiltInModel() throws Exception {
        BackboneInfo info = backbone.info();
        Path onnx = options.cacheFolder().resolve(MiniLmBackbone.ID).resolve(SentenceEncoderLoader.ONNX_RESOURCE);

        assertEquals(new BackboneInfo("minilm-l6-v2", Sha256.of(onnx), 384, Modality.TEXT), info);
        assertEquals(SentenceEncoderLoader.ONNX_SHA256, info.sha256());
    }

    @Test
    void batchedVectorsEqualOneByOneVectors() {
        List<String> texts = new ArrayList<>(WordNetText.glosses(9));
        texts.add(EMOJI);

        float[][] batched = backbone.embed(texts);

        for (int i = 0; i < texts.size(); i++) {
            float[] single = backbone.embed(List.of(texts.get(i)))[0];
            assertTrue(Vectors.maxAbsDiff(batched[i], single) < 1e-5, "text " + i);
        }
    }

    @Test
    void returnsFiniteUnitVectorsOfDimension384() {
        float[][] vectors = backbone.embed(List.of(PLAIN, "\u0000\u0001 .", "x"));

        for (float[] v : vectors) {
            assertEquals(384, v.length);
            assertEquals(1.0, Vectors.norm(v), 1e-5);
            for (float f : v) {
                assertTrue(Float.isFinite(f));
            }
        }
    }

    @Test
    void truncatesTextToMaxLengthTokens() throws Exception {
        String longText = "word ".repeat(5) + WordNetText.words(400);
        String prefix = prefixOfTokens(longText, options.maxLength() - 2);

        float[][] vectors = backbone.embed(List.of(longText, prefix, longText + " and a different ending"));

        assertTrue(prefix.length() < longText.length() / 4, "the prefix is a small part of the text");
        assertTrue(Vectors.maxAbsDiff(vectors[0], vectors[1]) < 1e-5, "the text counts only up to max length");
        assertTrue(Vectors.maxAbsDiff(vectors[0], vectors[2]) < 1e-5, "text past max length is ignored");
    }

    @Test
    void embedsHundredThousandCharacterTextByTruncating() {
        String huge = WordNetText.words(20_000);
        huge = huge.substring(0, Math.min(huge.length(), 100_000));
        assertTrue(huge.length() == 100_000, "fixture is 100,000 characters");

        float[] vector = backbone.embed(List.of(huge))[0];

        assertEquals(1.0, Vectors.norm(vector), 1e-5);
    }

    @Test
    void rejectsEmptyTextNamingItsIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> backbone.embed(List.of(PLAIN, PLAIN, "")));

        assertEquals("text at index 2 is empty or blank", e.getMessage());
    }

    @Test
    void rejectsBlankAndNullTextNamingTheirIndex() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> backbone.embed(List.of(" \t\n", PLAIN)));
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class,
                () -> backbone.embed(Arrays.asList(PLAIN, null)));

        assertEquals("text at index 0 is empty or blank", blank.getMessage());
        assertEquals("text at index 1 is null", nul.getMessage());
    }

    @Test
    void returnsNoVectorsForNoTexts() {
        assertEquals(0, backbone.embed(List.of()).length);
    }

    @Test
    void concurrentCallersGetTheSameVectorsAsOneCaller() throws Exception {
        List<String> texts = WordNetText.glosses(12);
        float[][] expected = backbone.embed(texts);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[][]>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<float[][]> call = () -> backbone.embed(texts);
                results.add(pool.submit(call));
            }
            for (Future<float[][]> result : results) {
                float[][] got = result.get();
                for (int i = 0; i < texts.size(); i++) {
                    assertArrayEquals(expected[i], got[i], 1e-6f);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The text covered by its first {@code tokens} tokens (special tokens not counted). */
    private static String prefixOfTokens(String text, int tokens) throws Exception {
        Path tokenizerJson = options.cacheFolder().resolve(MiniLmBackbone.ID).resolve(SentenceEncoderLoader.TOKENIZER_FILE);
        try (HuggingFaceTokenizer tokenizer = SentenceEncoderLoader.newTokenizer(tokenizerJson, 512)) {
            Encoding encoding = tokenizer.encode(text);
            return text.substring(0, encoding.getCharTokenSpans()[tokens].getEnd());
        }
    }
}
