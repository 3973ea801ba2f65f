package dev.streamtune.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldoutSelectorTest {

    /** Reference values computed independently with Python's hashlib (first 8 bytes of SHA-256, top 53 bits). */
    @Test
    void positionsMatchAnIndependentSha256Computation() {
        assertEquals(0.03359684474683389, HoldoutSelector.position("sample-1"));
        assertEquals(0.17153923425591866, HoldoutSelector.position("sample-2"));
        assertEquals(0.7283949105904021, HoldoutSelector.position("abc"));
        HoldoutSelector tenPercent = new HoldoutSelector(HoldoutSelector.DEFAULT_FRACTION);
        assertTrue(tenPercent.isHoldout("sample-1"));
        assertFalse(tenPercent.isHoldout("sample-2"));
    }

    @Test
    void selectsTheSameIdsAsAnIndependentComputation() {
        List<String> held = new ArrayList<>();
        HoldoutSelector selector = new HoldoutSelector(0.1);
        for (int i = 0; i < 200; i++) {
            if (selector.isHoldout("s" + i)) {
                held.add("s" + i);
            }
        }
        assertEquals(List.of("s7", "s23", "s25", "s39", "s50", "s56", "s64", "s91", "s95", "s97", "s125", "s131",
                "s140", "s148", "s151", "s152", "s168", "s187", "s189"), held);
    }

    @Test
    void holdsOutAboutTheConfiguredShare() {
        HoldoutSelector selector = new HoldoutSelector(0.1);
        int held = 0;
        for (int i = 0; i < 100_000; i++) {
            if (selector.isHoldout("id-" + i)) {
                held++;
            }
        }
        assertTrue(held > 9_500 && held < 10_500, "about 10%: " + held);
    }

    @Test
    void zeroFractionHoldsOutNothingAndInvalidFractionsAreRejected() {
        assertFalse(new HoldoutSelector(0).isHoldout("sample-1"));
        assertThrows(IllegalArgumentException.class, () -> new HoldoutSelector(1.0));
        assertThrows(IllegalArgumentException.class, () -> new HoldoutSelector(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new HoldoutSelector(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> HoldoutSelector.position(null));
    }
}
