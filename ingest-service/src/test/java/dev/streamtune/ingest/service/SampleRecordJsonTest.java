package dev.streamtune.ingest.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.SampleRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleRecordJsonTest {

    @Test
    void writesExactlyWhatDataBindingWrites() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        SampleRecordJson json = new SampleRecordJson(mapper.getFactory());
        for (SampleRecord r : List.of(
                new SampleRecord("id-1", "m", "a gloss with \"quotes\", \\ and \u00e9\ud83d\ude00\n", null, "noun.act", 1L, 2L),
                new SampleRecord("id-2", "img", null, "iVBORw0KGgo=", "3", 1700000000000L, 1700000000001L),
                new SampleRecord("id-3", "m", "ctrl \u0001", null, "l", 0L, Long.MAX_VALUE))) {
            assertArrayEquals(mapper.writeValueAsBytes(r), json.toBytes(r), r.toString());
        }
    }
}
