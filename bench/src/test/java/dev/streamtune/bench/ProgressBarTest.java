package dev.streamtune.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void rendersShareDoneCountsAndRate() {
        assertEquals("[###############...............]   1,500 / 3,000 samples   148.3 samples/s",
                ProgressBar.render(1500, 3000, "samples", 148.25));
        assertEquals("[##############################]   3,000 / 3,000 samples     0.0 samples/s",
                ProgressBar.render(3000, 3000, "samples", 0));
    }

    @Test
    void printsOneLinePerTenthWhenNotOnATerminal() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(100, "samples", new PrintStream(buf, true, StandardCharsets.UTF_8), false);
        for (int i = 0; i <= 100; i++) {
            bar.update(i);
        }
        bar.finish(100);
        assertEquals(11, buf.toString(StandardCharsets.UTF_8).lines().count());
    }

    @Test
    void rejectsEmptyTotalAndProgressPastTheEnd() {
        assertThrows(IllegalArgumentException.class, () -> new ProgressBar(0, "samples", System.out, false));
        assertThrows(IllegalArgumentException.class, () -> ProgressBar.render(11, 10, "samples", 1));
        assertThrows(IllegalArgumentException.class, () -> ProgressBar.render(-1, 10, "samples", 1));
    }
}
