package dev.streamtune.core.backbone;

import java.util.List;

/**
 * A frozen pretrained feature extractor: turns a batch of inputs into fixed-size feature vectors.
 *
 * <p>Implementations are thread-safe unless they say otherwise, own native resources and must be closed.
 *
 * @param <I> the input type (for example {@code String} for text, {@code byte[]} for encoded images)
 */
public interface Backbone<I> extends AutoCloseable {

    /** Identity of the backbone: id, content hash, output dimension, modality. */
    BackboneInfo info();

    /**
     * Feature vectors for {@code inputs}, one row per input, each of length {@code info().dimension()}.
     *
     * @throws IllegalArgumentException for an input the backbone cannot take (the message names which)
     */
    float[][] embed(List<I> inputs);

    @Override
    void close();
}
