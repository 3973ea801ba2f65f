package dev.streamtune.core.image;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A saved Fashion-CNN backbone whose descriptor was validated and whose weights file matched its SHA-256 when
 * {@link FashionCnnStore#load} read it.
 *
 * @param directory the backbone folder
 * @param descriptor its descriptor
 */
public record StoredFashionCnn(Path directory, FashionCnnDescriptor descriptor) {

    /** The weights file. */
    public Path paramsFile() {
        return directory.resolve(descriptor.paramsFile());
    }

    /**
     * A new feature extractor with the stored weights, its arrays owned by {@code manager}.
     *
     * @throws ModelLoadingException when the file does not fit the architecture
     */
    public Block loadFeatures(NDManager manager) throws IOException {
        Block features = descriptor.architecture().newFeatureExtractor();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(paramsFile())))) {
            features.loadParameters(manager, in);
        } catch (MalformedModelException | IllegalArgumentException e) {
            throw new ModelLoadingException(paramsFile() + " does not fit architecture " + descriptor.architecture()
                    + ": " + e.getMessage(), e);
        }
        return features;
    }
}
