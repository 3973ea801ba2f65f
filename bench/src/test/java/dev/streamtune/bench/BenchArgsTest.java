package dev.streamtune.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchArgsTest {

    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("records", "200000");
        DEFAULTS.put("rate", "200");
    }

    @Test
    void keepsDefaultsAndTakesBothOptionForms() {
        BenchArgs a = BenchArgs.parse(new String[] {"--records", "10", "--rate=50.5"}, DEFAULTS);
        assertEquals(10, a.integer("records", 1));
        assertEquals(50.5, a.positive("rate"));
        assertEquals(200000, BenchArgs.parse(new String[0], DEFAULTS).integer("records", 1));
    }

    @Test
    void rejectsUnknownOptionListingKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchArgs.parse(new String[] {"--recrods", "10"}, DEFAULTS));
        assertEquals("unknown option --recrods; options: --records, --rate", e.getMessage());
    }

    @Test
    void rejectsOptionWithoutValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchArgs.parse(new String[] {"--records"}, DEFAULTS));
        assertEquals("option --records needs a value", e.getMessage());
    }

    @Test
    void rejectsStrayArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchArgs.parse(new String[] {"fast"}, DEFAULTS));
        assertEquals("unexpected argument 'fast'; options: --records, --rate", e.getMessage());
    }

    @Test
    void rejectsNonIntegerAndTooSmallValues() {
        BenchArgs a = BenchArgs.parse(new String[] {"--records", "lots", "--rate", "0"}, DEFAULTS);
        assertEquals("option --records must be an integer, got 'lots'",
                assertThrows(IllegalArgumentException.class, () -> a.integer("records", 1)).getMessage());
        assertEquals("option --rate must be greater than 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> a.positive("rate")).getMessage());
        BenchArgs b = BenchArgs.parse(new String[] {"--records", "0"}, DEFAULTS);
        assertEquals("option --records must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> b.integer("records", 1)).getMessage());
    }

    @Test
    void parsesProducerSettingsAndRejectsPairWithoutValue() {
        assertEquals(Map.of("compression.type", "zstd", "linger.ms", "10"),
                ProducerSettings.parse("compression.type=zstd, linger.ms=10"));
        assertEquals(Map.of(), ProducerSettings.parse(""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProducerSettings.parse("linger.ms"));
        assertEquals("producer setting 'linger.ms' is not key=value (e.g. compression.type=zstd,linger.ms=10)",
                e.getMessage());
    }
}
