package dev.streamtune.ingest.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteWordsTest {

    /** The word tests must flag a word exactly when one of its bytes matches, whatever the other bytes are. */
    @Test
    void flagsAWordExactlyWhenOneOfItsBytesMatches() {
        Random random = new Random(3);
        byte[] bytes = new byte[8];
        for (int trial = 0; trial < 200_000; trial++) {
            random.nextBytes(bytes);
            if (trial % 3 == 0) {
                bytes[random.nextInt(8)] = (byte) "\"\\\n\u007f".charAt(random.nextInt(4));
            }
            long w = ByteWords.word(bytes, 0);
            for (int target : new int[] {'"', '\\', '\n', 0x7f}) {
                boolean any = false;
                for (byte b : bytes) {
                    any |= (b & 0xff) == target;
                }
                assertEquals(any, (ByteWords.equalTo(w, target) & ByteWords.HIGH_BITS) != 0, "equalTo " + target);
            }
            boolean control = false;
            for (byte b : bytes) {
                control |= (b & 0xff) < 0x20;
            }
            assertEquals(control, (ByteWords.below(w, 0x20) & ByteWords.HIGH_BITS) != 0, "below 0x20");
        }
    }
}
