package dev.streamtune.inference.swap;

import dev.streamtune.core.bert.TextClassifier;
import dev.streamtune.core.head.HeadPredictor;
import dev.streamtune.inference.batching.DynamicBatcher;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The head of a {@code fine-tune}/{@code lora} version, owning everything the version added to the shared base:
 * its rebuilt classifier (tuned layers or adapters) and its dedicated batcher. Closing (when the version's last
 * reference ends) frees them on {@code closer}, never on a batcher worker that may be the one finishing the last
 * request.
 */
final class TunedHead implements ModelHead {

    private final PredictorHead head;
    private final TextClassifier model;
    private final Executor closer;
    private volatile DynamicBatcher batcher;

    TunedHead(HeadPredictor head, TextClassifier model, Executor closer) {
        this.head = new PredictorHead(head);
        this.model = model;
        this.closer = closer;
    }

    /** Hands the version's batcher to this head, which closes it with the version. */
    void owns(DynamicBatcher versionBatcher) {
        this.batcher = versionBatcher;
    }

    @Override
    public List<String> labels() {
        return head.labels();
    }

    @Override
    public int inputDim() {
        return head.inputDim();
    }

    @Override
    public List<List<Scored>> predict(float[][] features, int k) {
        return head.predict(features, k);
    }

    @Override
    public void close() {
        head.close();
        closer.execute(() -> {
            DynamicBatcher b = batcher;
            if (b != null) {
                b.close();
            }
            model.close();
        });
    }
}
