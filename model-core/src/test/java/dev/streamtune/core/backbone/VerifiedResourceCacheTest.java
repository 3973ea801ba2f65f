package dev.streamtune.core.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifiedResourceCacheTest {

    private static final String RESOURCE = "fixtures/bundled.txt";
    private static final String CONTENT = "a small bundled model file\n";
    private static final String SHA256 = "734fe404e5fd30b83dfc125fb5a48f2d896b8e7774fe8dead58a9a272fcbe6c7";

    @TempDir
    Path folder;

    private VerifiedResourceCache cache() {
        return new VerifiedResourceCache(folder.resolve("cache"), getClass().getClassLoader());
    }

    @Test
    void extractsResourceOnceUnderItsName() throws Exception {
        Path file = cache().file(RESOURCE, "model.txt", SHA256);

        assertEquals(folder.resolve("cache").resolve("model.txt"), file);
        assertEquals(CONTENT, Files.readString(file));
        assertEquals(1, filesIn(folder.resolve("cache")), "no temporary file left behind");
    }

    @Test
    void keepsVerifiedCopyUntouched() throws Exception {
        Path file = cache().file(RESOURCE, "model.txt", SHA256);
        long modified = Files.getLastModifiedTime(file).toMillis();

        Path again = cache().file(RESOURCE, "model.txt", SHA256);

        assertEquals(modified, Files.getLastModifiedTime(again).toMillis());
    }

    @Test
    void replacesCorruptCopy() throws Exception {
        Path file = cache().file(RESOURCE, "model.txt", SHA256);
        Files.writeString(file, "truncated");

        cache().file(RESOURCE, "model.txt", SHA256);

        assertEquals(CONTENT, Files.readString(file));
    }

    @Test
    void rejectsResourceWithUnexpectedHashAndKeepsNoFile() throws IOException {
        String wrong = "0".repeat(64);

        IOException e = assertThrows(IOException.class, () -> cache().file(RESOURCE, "model.txt", wrong));

        assertEquals("classpath resource " + RESOURCE + " has sha256 " + SHA256 + ", expected " + wrong
                + " (a different model jar on the classpath?)", e.getMessage());
        assertFalse(Files.exists(folder.resolve("cache").resolve("model.txt")));
        assertEquals(0, filesIn(folder.resolve("cache")), "no temporary file left behind");
    }

    @Test
    void rejectsMissingResource() {
        IOException e = assertThrows(IOException.class, () -> cache().file("fixtures/absent.bin", "x", SHA256));

        assertTrue(e.getMessage().startsWith("classpath resource fixtures/absent.bin not found"), e.getMessage());
    }

    private static long filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
