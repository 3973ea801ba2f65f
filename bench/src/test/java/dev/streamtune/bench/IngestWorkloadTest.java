package dev.streamtune.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.SampleRecord;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IngestWorkloadTest {

    private final ObjectMapper json = new ObjectMapper();
    private final List<LabeledText> corpus = List.of(
            new LabeledText("00000001", "cat: a \"small\" feline\twith claws", "noun.animal"),
            new LabeledText("00000002", "bread: food made from dough", "noun.food"));

    @Test
    void sameRecordAsNdjsonLineAndAsSamplesTopicValue() throws Exception {
        IngestWorkload w = new IngestWorkload(corpus, "demo", "wn", 5, json);
        byte[] line = w.line(2);
        assertEquals('\n', line[line.length - 1]);
        JsonNode sent = json.readTree(line);
        assertEquals("wn-00000001-1", sent.get("id").asText());
        assertEquals("cat: a \"small\" feline\twith claws", sent.get("text").asText());
        assertEquals("noun.animal", sent.get("label").asText());
        assertEquals(3, sent.size());
        SampleRecord value = json.readValue(w.value(2), SampleRecord.class);
        assertEquals("wn-00000001-1", value.id());
        assertEquals("demo", value.model());
        assertEquals(sent.get("text").asText(), value.text());
        assertEquals("noun.animal", value.label());
        assertArrayEquals(java.util.Arrays.copyOf(line, line.length - 1), w.sampleJson(2));
    }

    @Test
    void idsStayUniqueWhenTheCorpusRepeats() {
        IngestWorkload w = new IngestWorkload(corpus, "demo", "wn", 7, json);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < w.size(); i++) {
            ids.add(new String(w.sampleJson(i)));
        }
        assertEquals(7, ids.size());
    }

    @Test
    void chunksAndBlocksCoverEveryLineOnce() {
        IngestWorkload w = new IngestWorkload(corpus, "demo", "wn", 11, json);
        List<IngestWorkload.Chunk> chunks = w.chunks(4);
        assertEquals(List.of(new IngestWorkload.Chunk(0, 4), new IngestWorkload.Chunk(4, 8),
                new IngestWorkload.Chunk(8, 11)), chunks);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        long bytes = 0;
        for (IngestWorkload.Chunk c : chunks) {
            for (byte[] block : w.ndjsonBlocks(c, 100)) {
                assertEquals('\n', block[block.length - 1], "blocks end on a line boundary");
                all.writeBytes(block);
            }
            bytes += w.payloadBytes(c);
        }
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < w.size(); i++) {
            expected.writeBytes(w.line(i));
        }
        assertArrayEquals(expected.toByteArray(), all.toByteArray());
        assertEquals(w.payloadBytes(), bytes);
        assertTrue(w.payloadBytes() > 0);
    }

    @Test
    void rejectsEmptyCorpusAndZeroChunkSize() {
        assertThrows(IllegalArgumentException.class, () -> new IngestWorkload(List.of(), "demo", "wn", 1, json));
        IngestWorkload w = new IngestWorkload(corpus, "demo", "wn", 1, json);
        assertEquals("chunk size must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> w.chunks(0)).getMessage());
    }
}
