package dev.streamtune.trainer.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.contracts.Task;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleValidatorTest {

    private final Map<String, ModelSpec> specs = Map.of(
            "txt", new ModelSpec("txt", Task.TEXT_CLASSIFICATION, "minilm-l6-v2", Strategy.FEATURE_EXTRACTION, null, null, null, 1, 0),
            "closed", new ModelSpec("closed", Task.TEXT_CLASSIFICATION, "minilm-l6-v2", Strategy.FEATURE_EXTRACTION,
                    List.of("a", "b"), null, null, 1, 0));
    private final SampleValidator validator = new SampleValidator(new ObjectMapper(), specs::get);

    private RejectReason reason(String key, String json) {
        SampleVerdict v = validator.check(key, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
        return assertInstanceOf(SampleVerdict.Rejected.class, v).reason();
    }

    @Test
    void acceptsValidTextSample() {
        assertInstanceOf(SampleVerdict.Accepted.class,
                validator.check("txt", "{\"id\":\"1\",\"model\":\"txt\",\"text\":\"hi\",\"label\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rejectsEveryKindOfPoison() {
        assertEquals(RejectReason.MALFORMED, reason("txt", "{not json"));
        assertEquals(RejectReason.MALFORMED, reason("txt", null));
        assertEquals(RejectReason.MALFORMED, reason("txt", "{\"id\":\"1\",\"model\":\"txt\",\"text\":\"hi\",\"label\":\"x\",\"extra\":1}"));
        assertEquals(RejectReason.MALFORMED, reason("txt", "{\"model\":\"txt\",\"text\":\"hi\",\"label\":\"x\"}"));
        assertEquals(RejectReason.KEY_MISMATCH, reason("other", "{\"id\":\"1\",\"model\":\"txt\",\"text\":\"hi\",\"label\":\"x\"}"));
        assertEquals(RejectReason.UNKNOWN_MODEL, reason("nope", "{\"id\":\"1\",\"model\":\"nope\",\"text\":\"hi\",\"label\":\"x\"}"));
        assertEquals(RejectReason.WRONG_MODALITY, reason("txt", "{\"id\":\"1\",\"model\":\"txt\",\"image\":\"AAAA\",\"label\":\"x\"}"));
        assertEquals(RejectReason.EMPTY_LABEL, reason("txt", "{\"id\":\"1\",\"model\":\"txt\",\"text\":\"hi\",\"label\":\" \"}"));
        assertEquals(RejectReason.LABEL_NOT_ALLOWED, reason("closed", "{\"id\":\"1\",\"model\":\"closed\",\"text\":\"hi\",\"label\":\"z\"}"));
    }
}
