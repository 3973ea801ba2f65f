package dev.streamtune.ingest.validation;

import static dev.streamtune.ingest.IngestTestSupport.imageBase64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class ImageCheckTest {

    private final ImageCheck check = new ImageCheck(5 * 1024 * 1024, 1_000_000);

    @Test
    void acceptsPngAndJpeg() {
        assertNull(check.check(imageBase64("png", 1)));
        assertNull(check.check(imageBase64("jpeg", 1)));
    }

    @Test
    void rejectsImagesOverThePixelLimitFromTheHeader() {
        String reason = new ImageCheck(5 * 1024 * 1024, 28 * 27).check(imageBase64("png", 1));
        assertEquals("is 28x28 pixels; at most 756 pixels are allowed", reason);
    }

    @Test
    void rejectsOversizeBeforeDecoding() {
        String reason = new ImageCheck(1000, 1_000_000).check("A".repeat(4000));
        assertTrue(reason.startsWith("is about 3000 bytes decoded; at most 1000"), reason);
    }

    @Test
    void defaultLimitOfFiveMegabytesCountsDecodedBytes() {
        String reason = check.check(Base64.getEncoder().encodeToString(new byte[5 * 1024 * 1024 + 1]));
        assertEquals("is 5242881 bytes decoded; at most 5242880 are allowed", reason);
        assertTrue(check.check(Base64.getEncoder().encodeToString(new byte[5 * 1024 * 1024])).startsWith("is not a PNG"));
    }

    @Test
    void rejectsBase64WithLineBreaks() {
        String wrapped = Base64.getMimeEncoder().encodeToString(new byte[200]);
        assertTrue(check.check(wrapped).startsWith("is not valid base64"), check.check(wrapped));
    }
}
