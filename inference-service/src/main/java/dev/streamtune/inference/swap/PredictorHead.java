package dev.streamtune.inference.swap;

import dev.streamtune.core.head.HeadPredictor;
import dev.streamtune.core.head.ScoredLabel;
import java.util.ArrayList;
import java.util.List;

/** A {@link ModelHead} over model-core's {@link HeadPredictor} (an MLP head on DJL; thread-safe, closes once). */
final class PredictorHead implements ModelHead {

    private final HeadPredictor predictor;

    PredictorHead(HeadPredictor predictor) {
        this.predictor = predictor;
    }

    @Override
    public List<String> labels() {
        return predictor.labels();
    }

    @Override
    public int inputDim() {
        return predictor.layout().inputDim();
    }

    @Override
    public List<List<Scored>> predict(float[][] features, int k) {
        List<List<ScoredLabel>> rows = predictor.predict(features, k);
        List<List<Scored>> out = new ArrayList<>(rows.size());
        for (List<ScoredLabel> row : rows) {
            out.add(row.stream().map(s -> new Scored(s.label(), s.probability())).toList());
        }
        return out;
    }

    @Override
    public void close() {
        predictor.close();
    }
}
