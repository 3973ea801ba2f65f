package dev.streamtune.core.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Options and lifecycle of a sentence encoder, on the tiny fixture model (fast to open). */
class SentenceEncoderLifecycleTest {

    private final TextEncoderOptions options = TextEncoderOptions.defaults().withMaxLength(8).withBatchSize(2);

    @Test
    void truncatesToConfiguredMaxLength() throws Exception {
        Path folder = TinyEncoderFixture.folder();
        String text = "one two three four five six seven eight nine ten";
        try (MiniLmBackbone backbone = new SentenceEncoderLoader(options).load("tiny", folder.toUri().toString())) {
            float[][] vectors = backbone.embed(List.of(text, "one two three four five six", "one two"));

            assertTrue(Vectors.maxAbsDiff(vectors[0], vectors[1]) < 1e-6, "8 tokens = [CLS] + 6 words + [SEP]");
            float[] expected = TinyEncoderFixture.expected(text, folder.resolve("tokenizer.json"), 8);
            assertTrue(Vectors.maxAbsDiff(expected, vectors[0]) < 1e-6);
            assertTrue(Vectors.maxAbsDiff(vectors[0], vectors[2]) > 1e-3, "shorter text differs");
        }
    }

    @Test
    void refusesToEmbedAfterClose() throws Exception {
        MiniLmBackbone backbone = new SentenceEncoderLoader(options).load("tiny", TinyEncoderFixture.folder().toUri().toString());
        backbone.close();
        backbone.close();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> backbone.embed(List.of("late")));

        assertEquals("backbone tiny is closed", e.getMessage());
    }
}
