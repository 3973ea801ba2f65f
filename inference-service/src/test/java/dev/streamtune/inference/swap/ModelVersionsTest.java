package dev.streamtune.inference.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.inference.fixtures.TestVersions;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelVersionsTest {

    private static KeptVersion kept(long v) {
        return new KeptVersion(TestVersions.info("m", v), new byte[] {(byte) v});
    }

    private static List<Long> numbers(ModelVersions versions) {
        return versions.kept().stream().map(KeptVersion::version).toList();
    }

    @Test
    void keepsTheNewestVersionsAndThePinnedOne() {
        ModelVersions versions = new ModelVersions(3);
        for (long v = 1; v <= 6; v++) {
            versions.add(kept(v), 2L);
        }
        assertEquals(List.of(2L, 4L, 5L, 6L), numbers(versions));
    }

    @Test
    void targetIsThePinnedVersionWhenKeptElseTheNewest() {
        ModelVersions versions = new ModelVersions(5);
        versions.add(kept(1), null);
        versions.add(kept(2), null);
        assertEquals(1, versions.target(1L).version());
        assertEquals(2, versions.target(null).version());
        assertEquals(2, versions.target(9L).version(), "a pin to a version not kept here falls back to the newest");
    }

    @Test
    void refusedVersionIsForgottenAndRemembered() {
        ModelVersions versions = new ModelVersions(5);
        versions.add(kept(1), null);
        versions.add(kept(2), null);
        versions.refuse(new Refusal(2, RefusalReason.WARMUP_FAILED, "nan", 0));
        assertEquals(1, versions.target(null).version());
        assertNull(versions.get(2));
        assertEquals(RefusalReason.WARMUP_FAILED, versions.refusal(2).reason());
    }

    @Test
    void redeliveredVersionIsNotAddedTwice() {
        ModelVersions versions = new ModelVersions(5);
        assertTrue(versions.add(kept(1), null));
        assertFalse(versions.add(kept(1), null));
    }

    @Test
    void remembersOnlyTheLatestRefusals() {
        ModelVersions versions = new ModelVersions(5);
        for (long v = 1; v <= ModelVersions.REFUSALS_KEPT + 5; v++) {
            versions.refuse(new Refusal(v, RefusalReason.CORRUPT, "x", 0));
        }
        assertEquals(ModelVersions.REFUSALS_KEPT, versions.refusals().size());
        assertEquals(6, versions.refusals().get(0).version());
    }

    @Test
    void rejectsKeepingNoVersions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ModelVersions(0));
        assertTrue(e.getMessage().contains("inference.keep-versions"));
    }
}
