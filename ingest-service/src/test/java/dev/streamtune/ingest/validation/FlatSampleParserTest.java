package dev.streamtune.ingest.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.contracts.Task;
import dev.streamtune.ingest.problem.ErrorList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fast path may only ever agree with the full one: for every line it either declines ({@code null}) or gives
 * exactly the sample the full path accepts without errors. Plain valid lines must take it.
 */
class FlatSampleParserTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ModelSpec OPEN = new ModelSpec("open", Task.TEXT_CLASSIFICATION, "minilm-l6-v2",
            Strategy.FEATURE_EXTRACTION, null, null, null, 1, 0);
    private static final ModelSpec CLOSED = new ModelSpec("closed", Task.TEXT_CLASSIFICATION, "minilm-l6-v2",
            Strategy.FEATURE_EXTRACTION, List.of("cat", "dog"), null, null, 1, 0);
    private static final ModelSpec IMAGES = new ModelSpec("img", Task.IMAGE_CLASSIFICATION, "fashion-cnn",
            Strategy.FEATURE_EXTRACTION, null, null, null, 1, 0);

    private final FlatSampleParser flat = new FlatSampleParser(MAPPER.getFactory());
    private final StrictJson strict = new StrictJson(MAPPER);
    private final SampleValidator validator = new SampleValidator(new SampleLimits(50, 16, 16, 1 << 20, 1 << 20));

    private SampleDraft fast(String line, ModelSpec spec) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        FlatSampleParser.RawSample raw = flat.parse(bytes, bytes.length);
        return raw == null ? null : validator.validIfFlat(raw, spec);
    }

    private SampleDraft full(String line, ModelSpec spec) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        JsonNode node;
        try {
            node = strict.parse(bytes, bytes.length);
        } catch (java.io.IOException e) {
            return null;
        }
        ErrorList errors = new ErrorList(10);
        SampleDraft draft = validator.validate(node, spec, EntryRef.line(1), errors);
        return errors.isEmpty() ? draft : null;
    }

    @Test
    void takesPlainValidLinesAndAgreesWithTheFullPath() {
        for (String line : List.of(
                "{\"text\":\"a real gloss\",\"label\":\"noun.animal\"}",
                "{\"id\":\"wn-1\",\"text\":\"x\",\"label\":\"l\",\"producedAt\":1700000000000}",
                " { \"label\" : \"l\" , \"text\" : \"tab\\tand \\u00e9\\ud83d\\ude00\" } ",
                "{\"text\":\"ok\",\"label\":\"l\",\"producedAt\":0}")) {
            SampleDraft fast = fast(line, OPEN);
            assertNotNull(fast, line);
            assertEquals(full(line, OPEN), fast, line);
        }
        assertEquals(full("{\"text\":\"t\",\"label\":\"cat\"}", CLOSED), fast("{\"text\":\"t\",\"label\":\"cat\"}", CLOSED));
    }

    @Test
    void declinesEveryLineTheFullPathRejects() {
        List<String> bad = List.of(
                "", "[]", "\"text\"", "{", "{\"text\":\"a\",\"label\":\"l\"} x", "{\"text\":\"a\",\"label\":\"l\"}{}",
                "{\"text\":\"a\"}", "{\"label\":\"l\"}", "{\"text\":\"\",\"label\":\"l\"}", "{\"text\":\"  \",\"label\":\"l\"}",
                "{\"text\":\"a\",\"label\":\"\"}", "{\"text\":\"a\",\"label\":\"l\",\"label\":\"m\"}",
                "{\"text\":\"a\",\"label\":\"l\",\"extra\":1}", "{\"text\":1,\"label\":\"l\"}", "{\"text\":null,\"label\":\"l\"}",
                "{\"text\":\"a\",\"label\":[\"l\"]}", "{\"text\":{\"x\":1},\"label\":\"l\"}", "{\"text\":\"a\",\"label\":\"l\",\"image\":null}",
                "{\"text\":\"a\",\"label\":\"l\",\"image\":\"AAAA\"}", "{\"text\":\"a\",\"label\":\"l\",\"producedAt\":-1}",
                "{\"text\":\"a\",\"label\":\"l\",\"producedAt\":1.5}", "{\"text\":\"a\",\"label\":\"l\",\"producedAt\":\"1\"}",
                "{\"text\":\"a\",\"label\":\"l\",\"producedAt\":99999999999999999999999}", "{\"text\":\"a\",\"label\":\"l\",\"id\":\"\"}",
                "{\"text\":\"a\",\"label\":\"l\",\"id\":7}", "{\"text\":\"a\",\"label\":\"l\",\"id\":\"" + "i".repeat(17) + "\"}",
                "{\"text\":\"" + "t".repeat(51) + "\",\"label\":\"l\"}", "{\"text\":\"bell\\u0007\",\"label\":\"l\"}",
                "{\"text\":\"lone \\ud83d\",\"label\":\"l\"}", "{\"text\":\"a\",\"label\":\"new\\nline\"}",
                "{'text':'a','label':'l'}", "{\"text\":\"a\",\"label\":\"l\",}");
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
