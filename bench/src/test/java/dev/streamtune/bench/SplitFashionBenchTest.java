package dev.streamtune.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.core.image.ClassIncrementalRunner.Method;
import dev.streamtune.core.replay.ReplayPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitFashionBenchTest {

    @Test
    void readsBufferSizes() {
        assertEquals(List.of(200, 500), SplitFashionBench.buffers("200, 500"));
    }

    @Test
    void rejectsBadBufferSizes() {
        for (String bad : new String[] {"", "200,x", "0", "-5", "200,,500"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SplitFashionBench.buffers(bad), bad);
            assertTrue(e.getMessage().contains("--buffers"), e.getMessage());
        }
    }

    @Test
    void rejectsAnUnknownOptimizerOrOption() {
        assertThrows(IllegalArgumentException.class, () -> SplitFashionBench.optimizers("rmsprop", 0.1f));
        assertThrows(IllegalArgumentException.class,
                () -> new SplitFashionBench().run(new BenchReport("split-fashion"), new String[] {"--buffer", "200"}));
        assertThrows(IllegalArgumentException.class,
                () -> new SplitFashionBench().run(new BenchReport("split-fashion"), new String[] {"--policy", "fifo"}));
        assertThrows(IllegalArgumentException.class,
                () -> new SplitFashionBench().run(new BenchReport("split-fashion"), new String[] {"--lr", "0"}));
    }

    @Test
    void namesResultKeysByMethod() {
        assertEquals("er500", SplitFashionBench.key(Method.replay(ReplayPolicy.CLASS_BALANCED, 500)));
        assertEquals("naive", SplitFashionBench.key(Method.naive()));
        assertEquals("joint", SplitFashionBench.key(Method.jointTraining()));
    }
}
