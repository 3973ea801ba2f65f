package dev.streamtune.ingest.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.ingest.problem.FieldError;
import dev.streamtune.ingest.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code tuning} field of a model spec: layers (and rank for LoRA) of text fine-tune/lora models only. */
class TuningSpecTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ModelSpecValidator validator = new ModelSpecValidator(128, 100, 50);

    private ModelSpec spec(String json) throws Exception {
        return validator.validate(JSON.readTree(json));
    }

    private List<String> badFields(String json) {
        ProblemException e = assertThrows(ProblemException.class, () -> spec(json));
        return e.problem().errors().stream().map(FieldError::field).toList();
    }

    @Test
    void acceptsLayersAndRankForLoraAndLayersForFineTune() throws Exception {
        ModelSpec lora = spec("{\"name\":\"l\",\"task\":\"text-classification\",\"strategy\":\"lora\","
                + "\"tuning\":{\"layers\":6,\"rank\":16}}");
        assertEquals(new ModelSpec.Tuning(6, 16), lora.tuning());
        ModelSpec ft = spec("{\"name\":\"f\",\"task\":\"text-classification\",\"strategy\":\"fine-tune\","
                + "\"tuning\":{\"layers\":1}}");
        assertEquals(new ModelSpec.Tuning(1, 0), ft.tuning());
    }

    @Test
    void leavesTuningUnsetForStrategyDefaults() throws Exception {
        ModelSpec lora = spec("{\"name\":\"l\",\"task\":\"text-classification\",\"strategy\":\"lora\"}");
        assertNull(lora.tuning());
        assertEquals(new ModelSpec.Tuning(2, 8), lora.tuningOrDefaults());
        assertEquals(new ModelSpec.Tuning(2, 0), ModelSpec.Tuning.defaults(Strategy.FINE_TUNE));
    }

    @Test
    void rejectsTuningOutOfRangeOrForModelsThatDoNotTrainTheirEncoder() {
        assertEquals(List.of("tuning.layers", "tuning.rank"), badFields("{\"name\":\"l\",\"task\":\"text-classification\","
                + "\"strategy\":\"lora\",\"tuning\":{\"layers\":7,\"rank\":0}}"));
        assertEquals(List.of("tuning.layers"), badFields("{\"name\":\"f\",\"task\":\"text-classification\","
                + "\"strategy\":\"fine-tune\",\"tuning\":{\"layers\":4}}"));
        assertEquals(List.of("tuning.rank"), badFields("{\"name\":\"f\",\"task\":\"text-classification\","
                + "\"strategy\":\"fine-tune\",\"tuning\":{\"rank\":8}}"));
        assertEquals(List.of("tuning"), badFields("{\"name\":\"e\",\"task\":\"text-classification\","
                + "\"tuning\":{\"layers\":1}}"));
        assertEquals(List.of("tuning"), badFields("{\"name\":\"i\",\"task\":\"image-classification\","
                + "\"strategy\":\"fine-tune\",\"tuning\":{\"layers\":1}}"));
        assertEquals(List.of("tuning"), badFields("{\"name\":\"t\",\"task\":\"text-classification\","
                + "\"strategy\":\"lora\",\"tuning\":[1]}"));
        assertTrue(badFields("{\"name\":\"t\",\"task\":\"text-classification\",\"strategy\":\"lora\","
                + "\"tuning\":{\"layers\":\"two\"}}").contains("tuning.layers"));
    }

    @Test
    void tuningSurvivesTheJsonRoundTripOfTheSpecsTopic() throws Exception {
        ModelSpec lora = spec("{\"name\":\"l\",\"task\":\"text-classification\",\"strategy\":\"lora\","
                + "\"tuning\":{\"layers\":3,\"rank\":4}}");
        assertEquals(lora, JSON.readValue(JSON.writeValueAsBytes(lora), ModelSpec.class));
        ModelSpec plain = spec("{\"name\":\"p\",\"task\":\"text-classification\"}");
        String json = JSON.writeValueAsString(plain);
        assertTrue(!json.contains("tuning"), json);
        assertEquals(plain, JSON.readValue(json, ModelSpec.class));
    }
}
