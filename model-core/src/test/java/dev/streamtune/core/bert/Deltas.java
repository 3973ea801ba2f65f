package dev.streamtune.core.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.streamtune.core.head.FloatTensor;
import java.util.HashMap;
import java.util.Map;

/** Test arithmetic: how far a model's tuned encoder weights are from the pretrained ones. */
final class Deltas {

    private Deltas() {}

    /** Frobenius norm of {@code W − W₀} over tuned layer copies, or of {@code s·B·A} over LoRA pairs. */
    static double fromPretrained(MiniLmEncoder base, TextClassifier model) {
        Map<String, FloatTensor> tensors = new HashMap<>();
        model.export().tensors().forEach(t -> tensors.put(t.name(), t));
        double squares = 0;
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            for (Map.Entry<String, FloatTensor> e : tensors.entrySet()) {
                String name = e.getKey();
                if (name.startsWith("output.") || name.startsWith("hidden.")) {
                    continue;
                }
                if (name.endsWith(LoraProjection.A)) {
                    String stem = name.substring(0, name.length() - LoraProjection.A.length());
                    NDArray a = manager.create(e.getValue().data(), BertConfig.shapeOf(e.getValue().shape()));
                    FloatTensor bt = tensors.get(stem + LoraProjection.B);
                    NDArray b = manager.create(bt.data(), BertConfig.shapeOf(bt.shape()));
                    NDArray delta = b.matMul(a).mul(model.strategy().loraScale());
                    squares += delta.pow(2).sum().getFloat();
                } else if (!name.endsWith(LoraProjection.B)) {
                    float[] w = e.getValue().data();
                    float[] w0 = base.parameters().get(name).toFloatArray();
                    for (int i = 0; i < w.length; i++) {
                        squares += (double) (w[i] - w0[i]) * (w[i] - w0[i]);
                    }
                }
            }
        }
        return Math.sqrt(squares);
    }
}
