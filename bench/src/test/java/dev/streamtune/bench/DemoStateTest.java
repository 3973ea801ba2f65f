package dev.streamtune.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoStateTest {

    @TempDir
    Path dir;

    @Test
    void remembersWhatWasStreamedToWhichModel() throws Exception {
        DemoState state = new DemoState(dir.resolve("sub/demo.properties"));
        assertEquals(0, state.streamedPerClass("wordnet-demo"), "nothing streamed yet");
        state.streamed("wordnet-demo", 500, "WordNet 3.0 at /usr/share/wordnet/data.noun");
        assertEquals(500, state.streamedPerClass("wordnet-demo"));
        assertEquals(0, state.streamedPerClass("other-model"));
    }

    @Test
    void readsAnUnreadableCountAsNothingStreamed() throws Exception {
        Path file = dir.resolve("demo.properties");
        Files.writeString(file, "model=wordnet-demo\nper-class=many\n");
        assertEquals(0, new DemoState(file).streamedPerClass("wordnet-demo"));
        Files.writeString(file, "model=wordnet-demo\nper-class=-3\n");
        assertEquals(0, new DemoState(file).streamedPerClass("wordnet-demo"));
    }
}
