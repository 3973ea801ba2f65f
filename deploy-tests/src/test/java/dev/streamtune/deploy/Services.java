package dev.streamtune.deploy;

import dev.streamtune.inference.config.InferenceConfig;
import dev.streamtune.ingest.config.IngestConfig;
import dev.streamtune.trainer.config.TrainerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The three services as the deployment files refer to them: by image ({@code streamtune/ingest-service}) in
 * Kubernetes and by build context ({@code ./ingest-service}) in Compose; both name the Maven module.
 */
final class Services {

    /** Variables DJL reads itself, and the class of DJL that reads each (checked by {@link #libraryReads}). */
    static final Map<String, String> DJL_VARIABLES = Map.of(
            "DJL_CACHE_DIR", "ai/djl/util/Utils.class",
            "PYTORCH_LIBRARY_PATH", "ai/djl/pytorch/jni/LibUtils.class",
            "PYTORCH_FLAVOR", "ai/djl/pytorch/jni/LibUtils.class");

    private final Map<String, ServiceConfig> byModule;

    private Services(Path root) {
        this.byModule = Map.of(
                "ingest-service", ServiceConfig.load(root, "ingest-service", IngestConfig.class, Set.of()),
                "trainer-service", ServiceConfig.load(root, "trainer-service", TrainerConfig.class,
                        DJL_VARIABLES.keySet()),
                "inference-service", ServiceConfig.load(root, "inference-service", InferenceConfig.class,
                        DJL_VARIABLES.keySet()));
    }

    /** The services of the repository at {@code root}. */
    static Services of(Path root) {
        return new Services(root);
    }

    /** Every module, e.g. {@code ingest-service}. */
    Set<String> modules() {
        return byModule.keySet();
    }

    /** The service built from {@code module}, or {@code null}. */
    ServiceConfig module(String module) {
        return byModule.get(module);
    }

    /**
     * The service an image runs, from the image's last path segment without tag or digest
     * ({@code registry.example.com/streamtune/ingest-service:0.1} runs {@code ingest-service}), or {@code null}.
     */
    ServiceConfig forImage(String image) {
        String name = image.replaceFirst("@.*$", "");
        name = name.substring(name.lastIndexOf('/') + 1).replaceFirst(":.*$", "");
        return byModule.get(name);
    }

    /** Whether the compiled class {@code classResource} (on the test classpath) contains the string {@code name}. */
    static boolean libraryReads(String classResource, String name) {
        try (InputStream in = Services.class.getClassLoader().getResourceAsStream(classResource)) {
            if (in == null) {
                throw new IllegalStateException(classResource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
