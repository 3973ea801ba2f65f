package dev.streamtune.core.image;

import dev.streamtune.contracts.Modality;
import dev.streamtune.core.backbone.BackboneRegistry;
import java.io.IOException;
import java.nio.file.Path;

/** Registers the project's own image backbones in a {@link BackboneRegistry}, for the services to share. */
public final class ImageBackbones {

    private ImageBackbones() {}

    /**
     * Adds {@code fashion-cnn}, the CNN made by {@code ./streamtune pretrain}, read from {@code directory} when
     * first opened (a missing backbone is an {@link IllegalArgumentException} naming the folder and the fix).
     */
    public static BackboneRegistry register(BackboneRegistry registry, Path directory) {
        return registry.register(FashionCnnBackbone.ID, Modality.IMAGE, ref -> {
            try {
                return FashionCnnBackbone.open(directory);
            } catch (IOException e) {
                throw new IllegalArgumentException("image backbone " + FashionCnnBackbone.ID + " is not available at "
                        + directory.toAbsolutePath() + " (run ./streamtune pretrain): " + e.getMessage(), e);
            }
        });
    }

    /** {@link #register(BackboneRegistry, Path)} with {@link FashionCnnStore#DEFAULT_DIRECTORY}. */
    public static BackboneRegistry register(BackboneRegistry registry) {
        return register(registry, FashionCnnStore.DEFAULT_DIRECTORY);
    }
}
