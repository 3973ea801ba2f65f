package dev.streamtune.trainer.training;

import dev.streamtune.contracts.Modality;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.core.bert.FineTuneStrategy;
import dev.streamtune.core.bert.Projection;
import java.util.List;

/** Which models train their encoder, and how their spec maps onto model-core's {@link FineTuneStrategy}. */
public final class TunedModels {

    /** LoRA adapts the attention query and value projections (as in the LoRA paper's default). */
    public static final List<String> LORA_TARGETS = List.of(Projection.QUERY, Projection.VALUE);

    private TunedModels() {}

    /**
     * Whether {@code spec}'s encoder trains: text models with strategy {@code fine-tune} or {@code lora}. Image
     * models keep a frozen backbone whatever their strategy.
     */
    public static boolean tunesEncoder(ModelSpec spec) {
        return spec.task() != null && spec.task().modality() == Modality.TEXT
                && (spec.strategy() == Strategy.FINE_TUNE || spec.strategy() == Strategy.LORA);
    }

    /**
     * The strategy of a model whose encoder trains.
     *
     * @param loraAlphaPerRank LoRA's alpha as a multiple of its rank
     * @throws IllegalArgumentException for a model that does not train its encoder, or bad tuning numbers
     */
    public static FineTuneStrategy strategy(ModelSpec spec, float loraAlphaPerRank) {
        if (!tunesEncoder(spec)) {
            throw new IllegalArgumentException("model " + spec.name() + " does not train its encoder");
        }
        ModelSpec.Tuning t = spec.tuningOrDefaults();
        return spec.strategy() == Strategy.FINE_TUNE ? FineTuneStrategy.fineTune(t.layers())
                : FineTuneStrategy.lora(t.rank(), loraAlphaPerRank * t.rank(), t.layers(), LORA_TARGETS);
    }
}
