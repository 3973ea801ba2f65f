package dev.streamtune.deploy;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Test files under {@code src/test/resources}. */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String resource) {
        try {
            return Path.of(Fixtures.class.getClassLoader().getResource(resource).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource " + resource + " is missing", e);
        }
    }
}
