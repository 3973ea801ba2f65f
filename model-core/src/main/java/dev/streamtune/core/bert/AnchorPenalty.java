package dev.streamtune.core.bert;

import ai.djl.ndarray.NDArray;
import dev.streamtune.contracts.Strategy;
import java.util.Map;

/**
 * L2-SP (Li et al., 2018): keeps tuned encoder weights near the pretrained ones with the penalty
 * {@code λ/2 · ‖W − W₀‖²}. Its gradient is added directly to the accumulated gradients (no graph needed):
 * {@code λ (W − W₀)} for tuned layer copies; for a LoRA pair, whose weight change is {@code ΔW = s·B·A},
 * {@code λ s² ΔW' Aᵀ} for {@code B} and {@code λ s² Bᵀ ΔW'} for {@code A} with {@code ΔW' = B·A}.
 *
 * <p>Call inside {@link Autograd#noGrad()}; every temporary is closed here.
 */
final class AnchorPenalty {

    private AnchorPenalty() {}

    /** Adds the penalty's gradient, with strength {@code lambda}, to the gradients of {@code model}'s tuned tensors. */
    static void addGradients(TextClassifier model, float lambda) {
        Map<String, NDArray> tuned = model.tuned().parameters();
        if (model.strategy().kind() == Strategy.FINE_TUNE) {
            Map<String, NDArray> pretrained = model.base().parameters();
            tuned.forEach((name, weight) -> {
                try (NDArray grad = weight.getGradient(); NDArray diff = weight.sub(pretrained.get(name))) {
                    grad.addi(diff.muli(lambda));
                }
            });
        } else if (model.strategy().kind() == Strategy.LORA) {
            float s2 = model.strategy().loraScale() * model.strategy().loraScale();
            tuned.forEach((name, a) -> {
                if (name.endsWith(LoraProjection.A)) {
                    String module = name.substring(0, name.length() - LoraProjection.A.length());
                    NDArray b = tuned.get(module + LoraProjection.B);
                    addLoraGradients(a, b, lambda * s2);
                }
            });
        }
    }

    private static void addLoraGradients(NDArray a, NDArray b, float factor) {
        try (NDArray gradA = a.getGradient(); NDArray gradB = b.getGradient(); NDArray product = b.matMul(a);
                NDArray bt = b.transpose(); NDArray at = a.transpose();
                NDArray forA = bt.matMul(product); NDArray forB = product.matMul(at)) {
            gradA.addi(forA.muli(factor));
            gradB.addi(forB.muli(factor));
        }
    }
}
