package dev.streamtune.core.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.core.Linear;

/**
 * A frozen projection plus a trainable low-rank update: {@code y = x Wᵀ + b + scale · (x Aᵀ) Bᵀ}, i.e. the
 * weight {@code W + scale · B A} (Hu et al., LoRA).
 *
 * @param frozen the pretrained projection
 * @param a {@code [rank, in]} down projection
 * @param b {@code [out, rank]} up projection; zero at the start, so the projection starts as {@code frozen}
 * @param scale {@code alpha / rank}
 */
public record LoraProjection(DenseProjection frozen, NDArray a, NDArray b, float scale) implements Projection {

    /** Name suffix of the down projection, e.g. {@code encoder.layer.5.attention.self.query.lora_A}. */
    public static final String A = ".lora_A";
    /** Name suffix of the up projection. */
    public static final String B = ".lora_B";

    @Override
    public NDArray apply(NDArray x) {
        NDArray update = Linear.linear(Linear.linear(x, a).singletonOrThrow(), b).singletonOrThrow().muli(scale);
        return frozen.apply(x).addi(update);
    }
}
