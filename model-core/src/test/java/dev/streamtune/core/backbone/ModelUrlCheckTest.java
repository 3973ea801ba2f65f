package dev.streamtune.core.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelUrlCheckTest {

    private final ModelUrlCheck check = new ModelUrlCheck(ModelUrlCheck.DEFAULT_TIMEOUT);

    @TempDir
    Path folder;

    @Test
    void tellsUrlsFromIds() {
        assertTrue(ModelUrlCheck.isUrl("file:/models/encoder.onnx"));
        assertFalse(ModelUrlCheck.isUrl("minilm-l6-v2"));
    }

    @Test
    void acceptsExistingFile() throws Exception {
        Path model = Files.writeString(folder.resolve("model.onnx"), "bytes");

        check.check(model.toUri().toString());
    }

    @Test
    void rejectsMalformedUrl() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> check.check("file:/a b/model.onnx"));

        assertTrue(e.getMessage().startsWith("malformed backbone URL file:/a b/model.onnx"), e.getMessage());
    }

    @Test
    void rejectsRelativeFileUrl() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> check.check("file:model.onnx"));

        assertEquals("backbone URL file:model.onnx has no path; use file:/absolute/path", e.getMessage());
    }

    @Test
    void rejectsJarUrlThatIsNotAClasspathReference() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> check.check("jar:file:/opt/models.jar!/encoder.zip"));

        assertTrue(e.getMessage().contains("use jar:///path/in/classpath/model.zip"), e.getMessage());
    }
}
