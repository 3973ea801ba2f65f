package dev.streamtune.bench;

import dev.streamtune.core.bert.FineTuneStrategy;
import dev.streamtune.core.bert.TrainingOptions;

/**
 * One way of learning a stream in {@code bench finetune}: a strategy with its training options, with or without
 * raw-text replay, with or without LwF distillation from the previous experience's model.
 *
 * @param strategy what is trained
 * @param options learning rates, warm-up and regulariser strengths
 * @param replay whether each step mixes in replayed examples of past experiences
 * @param distill whether LwF distils from the model as it was before the current experience
 */
record FinetuneMethod(FineTuneStrategy strategy, TrainingOptions options, boolean replay, boolean distill) {

    /** {@code none}, {@code replay}, {@code LwF} or {@code replay+LwF}. */
    String variant() {
        if (replay && distill) {
            return "replay+LwF";
        }
        return replay ? "replay" : distill ? "LwF" : "none";
    }
}
