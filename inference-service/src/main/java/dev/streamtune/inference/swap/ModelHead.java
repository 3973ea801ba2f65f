package dev.streamtune.inference.swap;

import java.util.List;

/**
 * The trained part of one model version, ready to serve: backbone features in, top-k labels out. Immutable and
 * thread-safe; owned by one {@link LoadedModel}, which closes it when its last in-flight request ends.
 */
public interface ModelHead extends AutoCloseable {

    /** Labels in output-index order. */
    List<String> labels();

    /** Length of the feature vectors it takes (the backbone's dimension). */
    int inputDim();

    /**
     * The {@code k} most probable labels per feature row, most probable first.
     *
     * @throws IllegalArgumentException for a row of the wrong length or {@code k < 1}
     */
    List<List<Scored>> predict(float[][] features, int k);

    @Override
    void close();
}
