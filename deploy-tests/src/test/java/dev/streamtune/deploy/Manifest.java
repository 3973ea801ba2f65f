package dev.streamtune.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;

/**
 * One Kubernetes object read from a file, with where it came from.
 *
 * @param source the YAML file
 * @param index the document's position in the file (0-based)
 * @param resource the object, typed by the fabric8 or Strimzi model
 */
record Manifest(Path source, int index, HasMetadata resource) {

    /** {@code Kind/name}, the way kubectl prints it. */
    String id() {
        return resource.getKind() + "/" + resource.getMetadata().getName();
    }

    /** The resource as {@code type}, or an error naming the file if it is another kind. */
    <T extends HasMetadata> T as(Class<T> type) {
        if (!type.isInstance(resource)) {
            throw new IllegalStateException(source + " #" + index + ": " + id() + " is not a " + type.getSimpleName());
        }
        return type.cast(resource);
    }

    @Override
    public String toString() {
        return id() + " (" + source.getFileName() + " #" + index + ")";
    }
}
