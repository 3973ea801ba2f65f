package dev.streamtune.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.ingest.problem.ErrorList;
import dev.streamtune.ingest.problem.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptedIdsTest {

    @Test
    void keepsIdsInOrderAndReportsEveryRepeatWithTheFirstLine() {
        AcceptedIds ids = AcceptedIds.ofLines(0);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 120_000; i++) {
            String id = i % 3 == 0 ? "wn-" + i : "caf\u00e9-\u4e2d-" + i;
            byte[] line = ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
            if (i % 2 == 0) {
                ids.claim(id, i + 1);
            } else {
                ids.claim(line, 7, line.length - 9, i + 1);
            }
            expected.add(id);
        }
        ids.addChosen("00000000-0000-0000-0000-000000000001", 120_001);
        expected.add("00000000-0000-0000-0000-000000000001");
        assertEquals(expected, ids);
        ErrorList none = new ErrorList(10);
        assertEquals(0, ids.reportRepeats(none), "120,000 distinct ids across growth");
        assertEquals(0, none.total());

        ids.claim("wn-0", 200_000);
        ids.claim("caf\u00e9-\u4e2d-49999", 200_001);
        byte[] bytes = "wn-99999".getBytes(StandardCharsets.UTF_8);
        ids.claim(bytes, 0, bytes.length, 200_002);
        ids.claim("wn-1", 200_003); // never claimed before: 1 is not a multiple of 3
        ids.claim("wn-0", 200_004);
        ErrorList errors = new ErrorList(10);
        assertEquals(4, ids.reportRepeats(errors));
        assertEquals(List.of(
                new FieldError("id", null, 200_000, "'wn-0' is already the id of the sample at line 1"),
                new FieldError("id", null, 200_001, "'caf\u00e9-\u4e2d-49999' is already the id of the sample at line 50000"),
                new FieldError("id", null, 200_002, "'wn-99999' is already the id of the sample at line 100000"),
                new FieldError("id", null, 200_004, "'wn-0' is already the id of the sample at line 1")), errors.listed());
    }

    @Test
    void idsThatDifferOnlyInLengthOrOneByteAreDistinct() {
        AcceptedIds ids = AcceptedIds.ofIndices();
        for (String id : List.of("a", "aa", "b", "", "")) {
            ids.claim(id, ids.size());
        }
        ids.claim(null, 5); // no id: nothing to add
        assertEquals(List.of("a", "aa", "b", "", ""), ids);
        assertThrows(IndexOutOfBoundsException.class, () -> ids.get(5));
        ErrorList errors = new ErrorList(10);
        assertEquals(1, ids.reportRepeats(errors));
        assertEquals(List.of(new FieldError("id", 4, null, "'' is already the id of the sample at index 3")),
                errors.listed());
    }

    @Test
    void idsWithOneHashAreToldApartByTheirBytes() {
        // "Aa" and "BB" hash alike, so do all 2^12 strings of 12 such blocks: one group of colliding ids
        AcceptedIds ids = AcceptedIds.ofLines(0);
        List<String> colliding = new ArrayList<>();
        for (int bits = 0; bits < 1 << 12; bits++) {
            StringBuilder id = new StringBuilder();
            for (int b = 0; b < 12; b++) {
                id.append((bits >> b & 1) == 0 ? "Aa" : "BB");
            }
            colliding.add(id.toString());
            ids.claim(id.toString(), bits + 1);
        }
        assertEquals(1, colliding.stream().map(String::hashCode).distinct().count(), "the test's ids must collide");
        ErrorList errors = new ErrorList(10);
        assertEquals(0, ids.reportRepeats(errors));
        ids.claim(colliding.get(4000), 5000);
        ids.claim(colliding.get(7), 5001);
        assertEquals(2, ids.reportRepeats(errors));
        assertEquals(List.of(
                new FieldError("id", null, 5000, "'" + colliding.get(4000) + "' is already the id of the sample at line 4001"),
                new FieldError("id", null, 5001, "'" + colliding.get(7) + "' is already the id of the sample at line 8")),
                errors.listed());
    }

    @Test
    void writesTheSameJsonAsAListOfStrings() throws Exception {
        AcceptedIds ids = AcceptedIds.ofIndices();
        List<String> plain = List.of("a", "quote \" and \\ backslash", "caf\u00e9 \u4e2d", "tab\tnew\nline", "");
        for (int i = 0; i < plain.size(); i++) {
            ids.claim(plain.get(i), i);
        }
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.writeValueAsString(new AcceptedSamples(5, plain)),
                mapper.writeValueAsString(new AcceptedSamples(5, ids)), "through a Writer");
        assertEquals(new String(mapper.writeValueAsBytes(new AcceptedSamples(5, plain)), StandardCharsets.UTF_8),
                new String(mapper.writeValueAsBytes(new AcceptedSamples(5, ids)), StandardCharsets.UTF_8),
                "through an OutputStream (UTF-8 bytes copied)");
    }

    @Test
    void chosenIdsAreNeverReported() {
        AcceptedIds ids = AcceptedIds.ofLines(0);
        ids.addChosen("same", 1);
        ids.addChosen("same", 2);
        ids.claim("same", 3);
        assertEquals(0, ids.reportRepeats(new ErrorList(10)), "the service's ids are unique by construction");
    }
}
