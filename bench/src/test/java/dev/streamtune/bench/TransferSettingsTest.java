package dev.streamtune.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransferSettingsTest {

    @Test
    void defaultsAreTenFiftyAndFiveHundredLabelsPerClass() {
        TransferSettings settings = TransferSettings.parse(new String[0]);
        assertEquals(List.of(10, 50, 500), settings.labelsPerClass());
        assertEquals(Path.of(".streamtune", "backbones", "fashion-cnn"), settings.backbone());
    }

    @Test
    void sizesAreSortedAndDeduplicated() {
        assertEquals(List.of(5, 20), TransferSettings.parse(new String[] {"--sizes", "20,5,20"}).labelsPerClass());
    }

    @Test
    void rejectsUnknownOptionWithUsage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransferSettings.parse(new String[] {"--size", "10"}));
        assertTrue(e.getMessage().startsWith("unknown option --size; bench transfer"), e.getMessage());
    }

    @Test
    void rejectsMoreLabelsPerClassThanTheTrainSplitHas() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransferSettings.parse(new String[] {"--sizes", "10,7000"}));
        assertEquals("labels per class must be 1..6000, got 7000", e.getMessage());
    }

    @Test
    void rejectsNonNumericValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransferSettings.parse(new String[] {"--epochs", "many"}));
        assertEquals("--epochs needs a number, got 'many'", e.getMessage());
    }
}
