package dev.streamtune.ingest.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.SampleRecord;
import dev.streamtune.ingest.validation.PlainTextSampleLine;
import dev.streamtune.ingest.validation.SampleDraft;
import dev.streamtune.ingest.validation.SampleLineCases;
import dev.streamtune.ingest.validation.SampleValidator;
import dev.streamtune.ingest.validation.StrictJson;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The splice path (scan the line's bytes, copy the values into the Kafka value) may only ever agree with the full
 * path: it declines every line the full path rejects, and for a line it accepts it writes exactly the bytes the
 * full path's record serialises to.
 */
class PlainTextSplicePathTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long NOW = 1_764_300_000_123L;

    private final StrictJson strict = new StrictJson(MAPPER);
    private final SampleValidator validator = new SampleValidator(SampleLineCases.LIMITS);
    private final SampleRecordJson json = new SampleRecordJson(MAPPER.getFactory());

    private static PlainTextSampleLine scanner(ModelSpec spec) {
        return new PlainTextSampleLine(SampleLineCases.LIMITS, spec::allowsLabel);
    }

    @Test
    void acceptedLinesGiveTheFullPathsBytes() {
        int spliced = 0;
        for (String text : SampleLineCases.VALID) {
            byte[] line = text.getBytes(StandardCharsets.UTF_8);
            SampleDraft full = SampleLineCases.full(strict, validator, line, SampleLineCases.OPEN);
            assertNotNull(full, "the full path accepts " + text);
            PlainTextSampleLine scan = scanner(SampleLineCases.OPEN);
            if (!scan.scan(line, line.length)) {
                assertTrue(text.contains("\\") || text.codePoints().anyMatch(Character::isSupplementaryCodePoint),
                        "only lines with escapes or characters past U+FFFF may take the general path: " + text);
                continue;
            }
            spliced++;
            assertEquals(full.id(), scan.id(), text);
            assertEquals(full.id() == null ? -1 : text.indexOf(full.id()), scan.idFrom(), text);
            assertEquals(full.label(), scan.label(), text);
            assertEquals(full.producedAt() == null ? -1 : full.producedAt(), scan.producedAt(), text);
            String id = full.id() != null ? full.id() : "chosen-id";
            SampleRecord record = new SampleDraft(id, full.text(), null, full.label(), full.producedAt())
                    .toRecord("open", NOW);
            byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
            byte[] spliceBytes = new SampleValueSplicer("open").value(scan, idBytes, 0, idBytes.length,
                    record.producedAt(), NOW);
            assertArrayEquals(json.toBytes(record), spliceBytes, text);
        }
        assertEquals(SampleLineCases.VALID.size() - 5, spliced, "every other line takes the splice path");
    }

    @Test
    void declinesEveryLineTheFullPathRejects() {
        for (String text : SampleLineCases.INVALID) {
            byte[] line = text.getBytes(StandardCharsets.UTF_8);
            assertNull(SampleLineCases.full(strict, validator, line, SampleLineCases.OPEN), "full path rejects " + text);
            assertFalse(scanner(SampleLineCases.OPEN).scan(line, line.length), "splice path must decline " + text);
        }
        for (byte[] line : SampleLineCases.MALFORMED_UTF8) {
            assertFalse(scanner(SampleLineCases.OPEN).scan(line, line.length), "malformed UTF-8 " + Arrays.toString(line));
        }
        byte[] closed = "{\"text\":\"t\",\"label\":\"bird\"}".getBytes(StandardCharsets.UTF_8);
        assertFalse(scanner(SampleLineCases.CLOSED).scan(closed, closed.length), "label outside the closed set");
        byte[] cat = "{\"text\":\"t\",\"label\":\"cat\"}".getBytes(StandardCharsets.UTF_8);
        assertTrue(scanner(SampleLineCases.CLOSED).scan(cat, cat.length), "label inside the closed set");
        assertFalse(scanner(SampleLineCases.OPEN).scan(cat, cat.length - 1), "a cut line");
    }

    @Test
    void oneScannerReadsLineAfterLineWithoutCarryingFieldsOver() {
        PlainTextSampleLine scan = scanner(SampleLineCases.OPEN);
        byte[] first = "{\"id\":\"a\",\"text\":\"x\",\"label\":\"l\",\"producedAt\":5}".getBytes(StandardCharsets.UTF_8);
        byte[] second = "{\"text\":\"y\",\"label\":\"m\"}".getBytes(StandardCharsets.UTF_8);
        assertTrue(scan.scan(first, first.length));
        assertTrue(scan.scan(second, second.length));
        assertNull(scan.id());
        assertEquals(-1, scan.producedAt());
        assertEquals("m", scan.label());
    }

    @Test
    void oneSplicerWritesEveryRecordsOwnTimes() {
        SampleValueSplicer splicer = new SampleValueSplicer("open");
        PlainTextSampleLine scan = scanner(SampleLineCases.OPEN);
        byte[] line = "{\"id\":\"a\",\"text\":\"x\",\"label\":\"l\"}".getBytes(StandardCharsets.UTF_8);
        assertTrue(scan.scan(line, line.length));
        long[][] times = {{5, NOW}, {NOW, NOW}, {NOW, NOW + 1}, {5, NOW + 1}, {0, 9}, {NOW + 1, NOW + 1}, {5, NOW}};
        for (long[] t : times) {
            byte[] expected = json.toBytes(new SampleRecord("a", "open", "x", null, "l", t[0], t[1]));
            assertArrayEquals(expected, splicer.value(scan, line, scan.idFrom(), scan.idLength(), t[0], t[1]),
                    Arrays.toString(t));
        }
    }
}
