package dev.streamtune.inference.swap;

import dev.streamtune.core.backbone.Backbone;
import dev.streamtune.core.backbone.BackboneInfo;
import dev.streamtune.core.bert.TextClassifier;
import java.util.List;

/**
 * The encoder of one {@code fine-tune}/{@code lora} version as a backbone: the shared base's frozen layers, then
 * the version's own tuned layers or adapters, mean pooling and L2 norm. Its vectors feed only that version's head.
 * Thread-safe; does not own the classifier (the version's {@link TunedHead} does).
 */
final class TunedEncoder implements Backbone<String> {

    private final TextClassifier model;
    private final BackboneInfo info;

    /** @param base identity of the shared base encoder the version was rebuilt on */
    TunedEncoder(TextClassifier model, BackboneInfo base) {
        this.model = model;
        this.info = new BackboneInfo(base.id(), base.sha256(), base.dimension(), base.modality());
    }

    @Override
    public BackboneInfo info() {
        return info;
    }

    /** @throws IllegalArgumentException for a null or blank text */
    @Override
    public float[][] embed(List<String> inputs) {
        return model.sentenceVectors(inputs);
    }

    @Override
    public void close() {
        // the classifier belongs to the version's head
    }
}
