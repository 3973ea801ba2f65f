package dev.streamtune.ingest.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.ModelSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fast path may only ever agree with the full one: for every line it either declines ({@code null}) or gives
 * exactly the sample the full path accepts without errors. Plain valid lines must take it.
 */
class FlatSampleParserTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ModelSpec OPEN = SampleLineCases.OPEN;
    private static final ModelSpec CLOSED = SampleLineCases.CLOSED;
    private static final ModelSpec IMAGES = SampleLineCases.IMAGES;

    private final FlatSampleParser flat = new FlatSampleParser(MAPPER.getFactory());
    private final StrictJson strict = new StrictJson(MAPPER);
    private final SampleValidator validator = new SampleValidator(SampleLineCases.LIMITS);

    private SampleDraft fast(String line, ModelSpec spec) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        FlatSampleParser.RawSample raw = flat.parse(bytes, bytes.length);
        return raw == null ? null : validator.validIfFlat(raw, spec);
    }

    private SampleDraft full(String line, ModelSpec spec) {
        return SampleLineCases.full(strict, validator, line, spec);
    }

    @Test
    void takesPlainValidLinesAndAgreesWithTheFullPath() {
        for (String line : SampleLineCases.VALID) {
            SampleDraft fast = fast(line, OPEN);
            assertNotNull(fast, line);
            assertEquals(full(line, OPEN), fast, line);
        }
        assertEquals(full("{\"text\":\"t\",\"label\":\"cat\"}", CLOSED), fast("{\"text\":\"t\",\"label\":\"cat\"}", CLOSED));
    }

    @Test
    void declinesEveryLineTheFullPathRejects() {
        List<String> bad = SampleLineCases.INVALID;
        for (String line : bad) {
            assertNull(full(line, OPEN), "the full path should reject " + line);
            assertNull(fast(line, OPEN), "the fast path must decline " + line);
        }
        assertNull(fast("{\"text\":\"t\",\"label\":\"bird\"}", CLOSED), "label outside the closed set");
        assertNull(fast("{\"text\":\"t\",\"label\":\"cat\"}", IMAGES), "text for an image model");
        assertNull(fast("{\"image\":\"not base64!\",\"label\":\"cat\"}", IMAGES), "undecodable image");
    }

    @Test
    void parsesTheFieldsAsSent() throws JsonProcessingException {
        byte[] line = "{\"producedAt\":42,\"label\":\"l\",\"id\":\"i\",\"text\":\"t\"}".getBytes(StandardCharsets.UTF_8);
        FlatSampleParser.RawSample raw = flat.parse(line, line.length);
        assertEquals(new FlatSampleParser.RawSample("i", "t", null, "l", 42L), raw);
        assertTrue(flat.parse(line, 5) == null, "a cut line is not a sample");
    }
}
