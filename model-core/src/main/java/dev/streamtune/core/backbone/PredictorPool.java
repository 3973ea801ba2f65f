package dev.streamtune.core.backbone;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A fixed set of DJL {@link Predictor}s over one model, lent to one caller at a time.
 *
 * <p>DJL predictors are not thread-safe; the model's native session is (ONNX Runtime runs concurrent requests on
 * one session). A caller borrows a predictor for one {@link #predict} call and gives it back, so at most
 * {@code size} calls run at once and the rest wait. {@link #close} closes the predictors; call it after the
 * in-flight calls have finished.
 *
 * @param <I> predictor input
 * @param <O> predictor output
 */
final class PredictorPool<I, O> implements AutoCloseable {

    private final List<Predictor<I, O>> all;
    private final BlockingQueue<Predictor<I, O>> idle;

    PredictorPool(ZooModel<I, O> model, int size) {
        this.all = new ArrayList<>(size);
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            Predictor<I, O> predictor = model.newPredictor();
            all.add(predictor);
            idle.add(predictor);
        }
    }

    /** Runs {@code input} through a borrowed predictor, waiting for one to be free. */
    O predict(I input) throws TranslateException {
        Predictor<I, O> predictor;
        try {
            predictor = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free predictor", e);
        }
        try {
            return predictor.predict(input);
        } finally {
            idle.add(predictor);
        }
    }

    @Override
    public void close() {
        all.forEach(Predictor::close);
    }
}
