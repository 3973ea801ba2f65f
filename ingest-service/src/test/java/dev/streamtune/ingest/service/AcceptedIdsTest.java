package dev.streamtune.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
            int result = i % 2 == 0 ? ids.claim(id, i + 1) : ids.claim(line, 7, line.length - 9, i + 1);
            assertEquals(-1, result, id);
            expected.add(id);
        }
        ids.addChosen("00000000-0000-0000-0000-000000000001", 120_001);
        expected.add("00000000-0000-0000-0000-000000000001");
        assertEquals(expected, ids);
        assertEquals(1, ids.claim("wn-0", 200_000), "the line of the first sample with the id");
        assertEquals(50_000, ids.claim("caf\u00e9-\u4e2d-49999", 200_001));
        byte[] bytes = "wn-99999".getBytes(StandardCharsets.UTF_8);
        assertEquals(100_000, ids.claim(bytes, 0, bytes.length, 200_002));
        assertEquals(expected.size(), ids.size(), "a repeated id is not added");
        assertEquals(-1, ids.claim("wn-1", 200_003), "wn-1 was never claimed (1 is not a multiple of 3)");
    }

    @Test
    void idsThatDifferOnlyInLengthOrOneByteAreDistinct() {
        AcceptedIds ids = new AcceptedIds();
        assertEquals(-1, ids.claim("a", 1));
        assertEquals(-1, ids.claim("aa", 2));
        assertEquals(-1, ids.claim("b", 3));
        assertEquals(-1, ids.claim("", 4));
        assertEquals(4, ids.claim("", 5));
        assertEquals(List.of("a", "aa", "b", ""), ids);
        assertThrows(IndexOutOfBoundsException.class, () -> ids.get(4));
    }
}
