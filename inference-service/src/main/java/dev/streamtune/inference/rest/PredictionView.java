package dev.streamtune.inference.rest;

import dev.streamtune.inference.swap.Scored;
import java.util.List;

/**
 * One input's answer.
 *
 * @param label the most probable label
 * @param topK the {@code k} most probable labels with their scores, best first
 */
public record PredictionView(String label, List<Scored> topK) {

    static PredictionView of(List<Scored> topK) {
        return new PredictionView(topK.get(0).label(), topK);
    }
}
