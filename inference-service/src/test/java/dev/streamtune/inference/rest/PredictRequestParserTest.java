package dev.streamtune.inference.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.Modality;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PredictRequestParserTest {

    private final PredictRequestParser parser = new PredictRequestParser(new ObjectMapper(), 3);

    private PredictRequestParser.Parsed parse(String body) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private Problem problem(String body) {
        return assertThrows(ProblemException.class, () -> parse(body)).problem();
    }

    @Test
    void parsesOneText() {
        PredictRequestParser.Parsed p = parse("{\"text\": \"a dog\"}");
        assertFalse(p.batch());
        assertEquals(Modality.TEXT, p.inputs().get(0).modality());
        assertEquals("a dog", p.inputs().get(0).value());
    }

    @Test
    void parsesABatchOfTextAndImage() {
        String png = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});
        PredictRequestParser.Parsed p = parse("{\"inputs\": [{\"text\": \"x\"}, {\"image\": \"" + png + "\"}]}");
        assertTrue(p.batch());
        assertEquals(2, p.inputs().size());
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) p.inputs().get(1).value());
        assertEquals("inputs[1].image", p.inputs().get(1).field());
    }

    @Test
    void rejectsEmptyBody() {
        Problem p = assertThrows(ProblemException.class, () -> parser.parse(new byte[0])).problem();
        assertEquals(400, p.status());
        assertTrue(p.detail().contains("empty"));
    }

    @Test
    void rejectsMalformedJson() {
        Problem p = problem("{\"text\": ");
        assertEquals(400, p.status());
        assertTrue(p.detail().startsWith("request body is not valid JSON"), p.detail());
    }

    @Test
    void rejectsNonObjectBody() {
        assertTrue(problem("[1, 2]").detail().contains("must be a JSON object, got array"));
    }

    @Test
    void rejectsTextThatIsNotAString() {
        Problem p = problem("{\"text\": 42}");
        assertEquals("text", p.field());
        assertTrue(p.detail().contains("must be a string, got number"), p.detail());
    }

    @Test
    void rejectsBlankText() {
        Problem p = problem("{\"text\": \"  \"}");
        assertEquals("text", p.field());
        assertTrue(p.detail().contains("empty"));
    }

    @Test
    void rejectsImageThatIsNotBase64() {
        Problem p = problem("{\"image\": \"not base64!\"}");
        assertEquals("image", p.field());
        assertTrue(p.detail().contains("not valid base64"));
    }

    @Test
    void rejectsTextAndImageTogether() {
        assertTrue(problem("{\"text\": \"x\", \"image\": \"AAAA\"}").detail().contains("send one of them"));
    }

    @Test
    void rejectsUnknownField() {
        Problem p = problem("{\"txt\": \"x\"}");
        assertEquals("txt", p.field());
        assertTrue(p.detail().contains("unknown field 'txt'"));
    }

    @Test
    void rejectsInputsThatAreNotAnArray() {
        assertEquals("inputs", problem("{\"inputs\": {\"text\": \"x\"}}").field());
    }

    @Test
    void rejectsEmptyInputs() {
        assertTrue(problem("{\"inputs\": []}").detail().contains("inputs is empty"));
    }

    @Test
    void rejectsBatchItemOfWrongTypeNamingItsIndex() {
        Problem p = problem("{\"inputs\": [{\"text\": \"ok\"}, {\"text\": [\"no\"]}]}");
        assertEquals("inputs[1].text", p.field());
        Problem q = problem("{\"inputs\": [\"plain string\"]}");
        assertEquals("inputs[0]", q.field());
    }

    @Test
    void answersTooManyInputsWith413() {
        Problem p = problem("{\"inputs\": [{\"text\": \"a\"}, {\"text\": \"b\"}, {\"text\": \"c\"}, {\"text\": \"d\"}]}");
        assertEquals(413, p.status());
        assertTrue(p.detail().contains("at most 3"));
    }
}
