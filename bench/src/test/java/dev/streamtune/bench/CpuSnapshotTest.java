package dev.streamtune.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuSnapshotTest {

    @Test
    void usageIsTheDifferencePerUnitByProcessWithTheJitShare() {
        CpuSnapshot before = new CpuSnapshot(Map.of("bench", 1.0, "7 quarkus-run.jar", 2.0), Map.of("bench", 0.5));
        CpuSnapshot after = new CpuSnapshot(Map.of("bench", 1.5, "7 quarkus-run.jar", 4.0, "9 ?", 0.25),
                Map.of("bench", 0.75, "7 quarkus-run.jar", 0.5));
        CpuSnapshot.Usage used = after.since(before, 500, 1e3); // ms per unit over 500 units
        assertEquals(2.75 * 1e3 / 500, used.total(), 1e-12, "a process started in between counts from zero");
        assertEquals(0.75 * 1e3 / 500, used.jit(), 1e-12);
        assertEquals("7 quarkus-run.jar 4.00 (JIT 1.00), 9 ? 0.50 (JIT 0.00), bench 1.00 (JIT 0.50)",
                used.describe("%.2f"));
    }
}
