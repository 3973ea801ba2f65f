package dev.streamtune.core.weights;

import java.util.Arrays;

/**
 * One trainable encoder tensor an artifact declares in its metadata (a tuned layer's weight or a LoRA adapter):
 * its name, shape and dtype. The reader checks the stored tensors against these declarations, and the serving
 * side checks them against its base encoder before rebuilding the model.
 *
 * @param name Hugging Face style name, e.g. {@code encoder.layer.5.attention.self.query.lora_A}
 * @param shape dimensions
 * @param dtype safetensors dtype; artifacts store {@code F32}
 */
public record EncoderTensor(String name, int[] shape, String dtype) {

    public EncoderTensor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("encoder tensor name is required");
        }
        if (shape == null || Arrays.stream(shape).anyMatch(d -> d <= 0)) {
            throw new IllegalArgumentException("encoder tensor '" + name + "' needs positive dimensions, got "
                    + Arrays.toString(shape));
        }
        if (dtype == null || dtype.isBlank()) {
            throw new IllegalArgumentException("encoder tensor '" + name + "' needs a dtype");
        }
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncoderTensor t && name.equals(t.name) && Arrays.equals(shape, t.shape)
                && dtype.equals(t.dtype);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(shape)) + dtype.hashCode();
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape) + " " + dtype;
    }
}
