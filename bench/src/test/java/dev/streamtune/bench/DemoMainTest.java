package dev.streamtune.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DemoMainTest {

    @Test
    void defaultsToTheLocalStackPortsAndTheWordnetDemoModel() {
        BenchArgs a = DemoMain.parse(new String[0]);
        assertEquals("http://127.0.0.1:8081", a.text("ingest"));
        assertEquals("wordnet-demo", a.text("model"));
        assertEquals("auto", a.text("stream"));
    }

    @Test
    void rejectsBadModelNamesStreamModesRatesAndUnknownOptions() {
        assertThrows(IllegalArgumentException.class, () -> DemoMain.parse(new String[] {"--model", "Word Net"}));
        assertThrows(IllegalArgumentException.class, () -> DemoMain.parse(new String[] {"--stream", "twice"}));
        assertThrows(IllegalArgumentException.class, () -> DemoMain.parse(new String[] {"--rate", "0"}));
        assertThrows(IllegalArgumentException.class, () -> DemoMain.parse(new String[] {"--per-class", "0"}));
        assertThrows(IllegalArgumentException.class, () -> DemoMain.parse(new String[] {"--colour", "red"}));
    }
}
