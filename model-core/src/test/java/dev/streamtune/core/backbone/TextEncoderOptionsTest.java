package dev.streamtune.core.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TextEncoderOptionsTest {

    private final TextEncoderOptions defaults = TextEncoderOptions.defaults();

    @Test
    void defaultsTo128TokensBatchesOf32AndOneThreadPerCore() {
        assertEquals(128, defaults.maxLength());
        assertEquals(32, defaults.batchSize());
        assertEquals(Runtime.getRuntime().availableProcessors(), defaults.intraOpThreads());
    }

    @Test
    void rejectsMaxLengthBeyondBertPositions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> defaults.withMaxLength(513));

        assertEquals("maxLength must be 3..512 tokens, was 513", e.getMessage());
    }

    @Test
    void rejectsMaxLengthWithoutRoomForAToken() {
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxLength(2));
    }

    @Test
    void rejectsEmptyBatchesPoolsAndThreadCounts() {
        assertEquals("batchSize must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> defaults.withBatchSize(0)).getMessage());
        assertEquals("predictors must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> defaults.withPredictors(0)).getMessage());
        assertEquals("intraOpThreads must be at least 1, was -1",
                assertThrows(IllegalArgumentException.class, () -> defaults.withIntraOpThreads(-1)).getMessage());
    }

    @Test
    void rejectsMissingCacheFolder() {
        assertThrows(IllegalArgumentException.class, () -> defaults.withCacheFolder(null));
    }

    @Test
    void honoursCacheFolderProperty() {
        String before = System.getProperty("streamtune.model.cache");
        try {
            System.setProperty("streamtune.model.cache", "/srv/models");
            assertEquals(Path.of("/srv/models"), TextEncoderOptions.defaults().cacheFolder());
        } finally {
            if (before == null) {
                System.clearProperty("streamtune.model.cache");
            } else {
                System.setProperty("streamtune.model.cache", before);
            }
        }
    }
}
