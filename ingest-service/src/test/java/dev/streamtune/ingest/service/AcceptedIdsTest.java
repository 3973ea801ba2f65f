package dev.streamtune.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.ingest.problem.ErrorList;
import dev.streamtune.ingest.problem.FieldError;
import dev.streamtune.ingest.validation.EntryRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptedIdsTest {

    @Test
    void keepsIdsInOrderAndFindsEveryRepeatAcrossGrowth() {
        AcceptedIds ids = new AcceptedIds();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 120_000; i++) {
            String id = i % 3 == 0 ? "wn-" + i : "caf\u00e9-\u4e2d-" + i;
            byte[] line = ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
            int result = i % 2 == 0 ? claim(ids, id, i + 1) : ids.claim(line, 7, line.length - 9, i + 1);
            assertEquals(-1, result, id);
            expected.add(id);
        }
        ids.addChosen("00000000-0000-0000-0000-000000000001", 120_001);
        expected.add("00000000-0000-0000-0000-000000000001");
        assertEquals(expected, ids);
        assertEquals(1, claim(ids, "wn-0", 200_000), "the line of the first sample with the id");
        assertEquals(50_000, claim(ids, "caf\u00e9-\u4e2d-49999", 200_001));
        byte[] bytes = "wn-99999".getBytes(StandardCharsets.UTF_8);
        assertEquals(100_000, ids.claim(bytes, 0, bytes.length, 200_002));
        assertEquals(expected.size(), ids.size(), "a repeated id is not added");
        assertEquals(-1, claim(ids, "wn-1", 200_003), "wn-1 was never claimed (1 is not a multiple of 3)");
    }

    @Test
    void idsThatDifferOnlyInLengthOrOneByteAreDistinct() {
        AcceptedIds ids = new AcceptedIds();
        assertEquals(-1, claim(ids, "a", 1));
        assertEquals(-1, claim(ids, "aa", 2));
        assertEquals(-1, claim(ids, "b", 3));
        assertEquals(-1, claim(ids, "", 4));
        assertEquals(4, claim(ids, "", 5));
        assertEquals(List.of("a", "aa", "b", ""), ids);
        assertThrows(IndexOutOfBoundsException.class, () -> ids.get(4));
    }

    @Test
    void writesTheSameJsonAsAListOfStrings() throws Exception {
        AcceptedIds ids = new AcceptedIds();
        List<String> plain = List.of("a", "quote \" and \\ backslash", "caf\u00e9 \u4e2d", "tab\tnew\nline", "");
        for (int i = 0; i < plain.size(); i++) {
            claim(ids, plain.get(i), i + 1);
        }
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.writeValueAsString(new AcceptedSamples(5, plain)),
                mapper.writeValueAsString(new AcceptedSamples(5, ids)), "through a Writer");
        assertEquals(new String(mapper.writeValueAsBytes(new AcceptedSamples(5, plain)), StandardCharsets.UTF_8),
                new String(mapper.writeValueAsBytes(new AcceptedSamples(5, ids)), StandardCharsets.UTF_8),
                "through an OutputStream (UTF-8 bytes copied)");
    }

    @Test
    void namesTheEarlierLineOrIndexOfATakenId() {
        AcceptedIds lines = new AcceptedIds();
        ErrorList errors = new ErrorList(10);
        byte[] a = "a".getBytes(StandardCharsets.UTF_8);
        assertTrue(lines.claimOnLine(a, 0, 1, 3, errors));
        assertTrue(lines.claim(null, EntryRef.line(4), errors), "no id: nothing to claim");
        assertFalse(lines.claim("a", EntryRef.line(7), errors));
        assertFalse(lines.claimOnLine(a, 0, 1, 9, errors));
        AcceptedIds batch = new AcceptedIds();
        assertTrue(batch.claim("b", EntryRef.index(0), errors));
        assertFalse(batch.claim("b", EntryRef.index(2), errors));
        assertEquals(List.of(
                new FieldError("id", null, 7, "'a' is already the id of the sample at line 3"),
                new FieldError("id", null, 9, "'a' is already the id of the sample at line 3"),
                new FieldError("id", 2, null, "'b' is already the id of the sample at index 0")), errors.listed());
    }

    private static int claim(AcceptedIds ids, String id, int entry) {
        byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
        return ids.claim(utf8, 0, utf8.length, entry);
    }
}
