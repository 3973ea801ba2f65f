package dev.streamtune.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.core.image.FashionCnnStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferBenchTest {

    @Test
    void pretrainsAMissingBackboneThenReportsAllThreeMethods(@TempDir Path dir) throws Exception {
        Path backbone = dir.resolve("fashion-cnn");
        BenchReport report = new BenchReport("transfer");
        new TransferBench().run(report, new String[] {"--sizes", "2", "--epochs", "1", "--min-steps", "2",
                "--backbone", backbone.toString(), "--pretrain-epochs", "1", "--pretrain-limit", "200"});

        assertTrue(FashionCnnStore.exists(backbone), "backbone was not saved");
        assertEquals(true, report.results().get("pretrained_now"));
        for (String method : new String[] {"scratch", "fe", "ft"}) {
            double accuracy = (double) report.results().get(method + "_2");
            assertTrue(accuracy >= 0 && accuracy <= 1, method + " accuracy " + accuracy);
        }
        assertTrue(report.resultLine().startsWith("RESULT transfer scratch_2="), report.resultLine());
    }
}
