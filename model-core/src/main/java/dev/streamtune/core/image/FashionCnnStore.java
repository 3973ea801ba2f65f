package dev.streamtune.core.image;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * Saves and loads the feature extractor of a {@link FashionCnn} as a backbone folder: a DJL parameters file
 * ({@code features-<sha>.params}) plus {@code backbone.json} ({@link FashionCnnDescriptor}).
 *
 * <p>Saving never damages the previous backbone: the new weights go to a new file name, then the descriptor is
 * replaced atomically, and only then is the old weights file removed. Loading checks the SHA-256.
 */
public final class FashionCnnStore {

    /** Where {@code ./streamtune pretrain} saves and the transfer benchmark looks, relative to the working directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of(".streamtune", "backbones", "fashion-cnn");

    /** The descriptor's file name. */
    public static final String DESCRIPTOR = "backbone.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private FashionCnnStore() {}

    /** Whether {@code directory} holds a descriptor (it may still fail validation). */
    public static boolean exists(Path directory) {
        return Files.isRegularFile(directory.resolve(DESCRIPTOR));
    }

    /**
     * Saves the feature extractor of {@code cnn} into {@code directory}, replacing what was there. On failure the
     * previous backbone in the folder stays loadable.
     */
    public static StoredFashionCnn save(Path directory, FashionCnn cnn, ImagePreprocessing preprocessing,
            PretrainSummary pretraining) throws IOException {
        Files.createDirectories(directory);
        Path tmpParams = Files.createTempFile(directory, "features-", ".params.tmp");
        Path tmpDescriptor = null;
        Path newParams = null;
        boolean committed = false;
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmpParams)))) {
                cnn.features().saveParameters(out);
            }
            String sha256 = Sha256.of(tmpParams);
            String paramsFile = "features-" + sha256.substring(0, 16) + ".params";
            FashionCnnDescriptor descriptor = new FashionCnnDescriptor(FashionCnnBackbone.ID,
                    FashionCnnDescriptor.FORMAT_VERSION, cnn.architecture(), preprocessing, paramsFile, sha256,
                    cnn.architecture().featureDimension(), pretraining, Instant.now().toString());
            descriptor.validate();
            if (!Files.exists(directory.resolve(paramsFile))) {
                newParams = directory.resolve(paramsFile);
                Files.move(tmpParams, newParams, StandardCopyOption.ATOMIC_MOVE);
            }
            tmpDescriptor = Files.createTempFile(directory, "backbone-", ".json.tmp");
            try (OutputStream out = Files.newOutputStream(tmpDescriptor)) {
                JSON.writeValue(out, descriptor);
            }
            Files.move(tmpDescriptor, directory.resolve(DESCRIPTOR), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            committed = true;
            deleteOtherWeights(directory, paramsFile);
            return new StoredFashionCnn(directory, descriptor);
        } finally {
            Files.deleteIfExists(tmpParams);
            if (tmpDescriptor != null) {
                Files.deleteIfExists(tmpDescriptor);
            }
            if (!committed && newParams != null) {
                Files.deleteIfExists(newParams);
            }
        }
    }

    /**
     * Reads and verifies the backbone in {@code directory}.
     *
     * @throws ModelLoadingException when it is missing, its descriptor is invalid, or the weights do not match
     */
    public static StoredFashionCnn load(Path directory) throws IOException {
        Path descriptorFile = directory.resolve(DESCRIPTOR);
        if (!Files.isRegularFile(descriptorFile)) {
            throw new ModelLoadingException("no fashion-cnn backbone in " + directory.toAbsolutePath() + " ("
                    + DESCRIPTOR + " missing): run ./streamtune pretrain");
        }
        FashionCnnDescriptor descriptor;
        try {
            descriptor = JSON.readValue(descriptorFile.toFile(), FashionCnnDescriptor.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelLoadingException("unreadable backbone descriptor " + descriptorFile + ": " + e.getMessage(), e);
        }
        if (descriptor == null) {
            throw new ModelLoadingException("empty backbone descriptor " + descriptorFile);
        }
        descriptor.validate();
        Path params = directory.resolve(descriptor.paramsFile());
        if (!Files.isRegularFile(params)) {
            throw new ModelLoadingException("backbone weights " + params + " named by " + descriptorFile + " are missing");
        }
        String actual = Sha256.of(params);
        if (!actual.equals(descriptor.sha256())) {
            throw new ModelLoadingException("backbone weights " + params + " have sha256 " + actual + " but "
                    + DESCRIPTOR + " expects " + descriptor.sha256() + " (modified or corrupted file)");
        }
        return new StoredFashionCnn(directory, descriptor);
    }

    private static void deleteOtherWeights(Path directory, String keep) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(directory, "features-*.params")) {
            for (Path file : old) {
                if (!file.getFileName().toString().equals(keep)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
