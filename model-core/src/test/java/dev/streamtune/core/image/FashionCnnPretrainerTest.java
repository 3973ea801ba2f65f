package dev.streamtune.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionCnnPretrainerTest {

    @Test
    void pretrainsOnSourceClassesReportsEachEpochAndSavesTheBackbone(@TempDir Path dir) throws IOException {
        List<String> log = new ArrayList<>();
        FashionCnnPretrainer.Settings settings = new FashionCnnPretrainer.Settings(1, 50, 1e-3f, 5, 500);
        StoredFashionCnn stored = new FashionCnnPretrainer(FashionMnist.installed(), settings).pretrain(dir, log::add);

        assertTrue(log.stream().anyMatch(line -> line.startsWith("epoch 1/1") && line.contains("t10k acc")), log.toString());
        PretrainSummary summary = FashionCnnStore.load(dir).descriptor().pretraining();
        assertEquals(List.of(0, 1, 2, 3, 4), summary.sourceClasses());
        assertEquals(500, summary.trainImages());
        assertTrue(summary.testAccuracy() > 0.4 && summary.testAccuracy() <= 1, "accuracy " + summary.testAccuracy());
        assertEquals(stored.descriptor().sha256(), FashionCnnStore.load(dir).descriptor().sha256());
    }

    @Test
    void parsesCommandLineOptions() {
        PretrainMain.Options options = PretrainMain.parse(new String[] {"--epochs", "3", "--seed", "9", "--out", "x"});
        assertEquals(3, options.settings().epochs());
        assertEquals(9, options.settings().seed());
        assertEquals(Path.of("x"), options.out());
    }

    @Test
    void rejectsUnknownOptionAndMissingValue() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> PretrainMain.parse(new String[] {"--lr", "1"}));
        assertEquals("unknown option --lr", unknown.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> PretrainMain.parse(new String[] {"--epochs"}));
        assertEquals("--epochs needs a value", missing.getMessage());
        IllegalArgumentException notNumber = assertThrows(IllegalArgumentException.class,
                () -> PretrainMain.parse(new String[] {"--epochs", "two"}));
        assertEquals("--epochs needs a number, got 'two'", notNumber.getMessage());
    }
}
