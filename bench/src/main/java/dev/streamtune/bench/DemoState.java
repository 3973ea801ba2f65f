package dev.streamtune.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the demo of {@code ./streamtune up} has streamed, kept in a properties file ({@code
 * .streamtune/demo.properties}) so that a second {@code up} does not send the same glosses again. It records the
 * model and how many glosses per class were sent; the demo sends the first N of each class's fixed order, so a
 * smaller N is a subset of a larger one.
 */
final class DemoState {

    private final Path file;

    DemoState(Path file) {
        this.file = file;
    }

    /** Glosses per class already streamed to {@code model}; 0 when none, or the file is missing or unreadable. */
    int streamedPerClass(String model) throws IOException {
        Properties p = new Properties();
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        if (!model.equals(p.getProperty("model"))) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(p.getProperty("per-class", "0").trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Records that {@code perClass} glosses per class of {@code source} have been streamed to {@code model}. */
    void streamed(String model, int perClass, String source) throws IOException {
        Properties p = new Properties();
        p.setProperty("model", model);
        p.setProperty("per-class", Integer.toString(perClass));
        p.setProperty("source", source);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "written by the demo of ./streamtune up: the glosses it streamed");
        }
    }

    /** The file, for messages. */
    Path file() {
        return file;
    }
}
