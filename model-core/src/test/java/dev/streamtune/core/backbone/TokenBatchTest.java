package dev.streamtune.core.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenBatchTest {

    private static HuggingFaceTokenizer tokenizer;

    @BeforeAll
    static void openTokenizer() throws Exception {
        tokenizer = SentenceEncoderLoader.newTokenizer(TinyEncoderFixture.folder().resolve("tokenizer.json"), 128);
    }

    @AfterAll
    static void closeTokenizer() {
        tokenizer.close();
    }

    @Test
    void flattensPaddedBatchRowByRow() {
        TokenBatch tokens = TokenBatch.of(tokenizer.batchEncode(List.of("hello world", "hi")));

        assertEquals(2, tokens.batch());
        assertEquals(4, tokens.seq());
        assertArrayEquals(new long[] {101, 7592, 2088, 102, 101, 7632, 102, 0}, tokens.ids());
        assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1, 1, 0}, tokens.mask());
        assertArrayEquals(new long[8], tokens.types());
        assertArrayEquals(new long[] {2, 4}, tokens.shape());
    }

    @Test
    void rejectsEncodingsOfDifferentLengths() {
        Encoding[] unpadded = {tokenizer.encode("hello world"), tokenizer.encode("hi")};

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenBatch.of(unpadded));

        assertEquals("encodings must be padded to one length: row 1 has 3 tokens, row 0 has 4", e.getMessage());
    }

    @Test
    void rejectsEmptyBatch() {
        assertThrows(IllegalArgumentException.class, () -> TokenBatch.of(new Encoding[0]));
    }
}
