package dev.streamtune.core.weights;

import dev.streamtune.core.head.FloatTensor;
import dev.streamtune.core.weights.ArtifactRejectedException.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks stored encoder tensors against an artifact's {@link EncoderTensor} declarations. */
final class EncoderTensors {

    private EncoderTensors() {}

    /** An artifact's tensors split into the declared encoder tensors (declaration order) and the rest (the head). */
    record Split(List<FloatTensor> encoder, List<FloatTensor> head) {}

    /**
     * Splits {@code stored} by {@code declared}.
     *
     * @throws ArtifactRejectedException {@link Reason#ENCODER_MISMATCH} when a declared tensor is missing or
     *     stored with another shape or dtype
     */
    static Split split(List<EncoderTensor> declared, List<FloatTensor> stored) {
        Map<String, FloatTensor> byName = new HashMap<>();
        stored.forEach(t -> byName.put(t.name(), t));
        List<FloatTensor> encoder = new ArrayList<>(declared.size());
        for (EncoderTensor d : declared) {
            FloatTensor t = byName.remove(d.name());
            String problem = problem(d, t);
            if (problem != null) {
                throw new ArtifactRejectedException(Reason.ENCODER_MISMATCH, problem);
            }
            encoder.add(t);
        }
        List<FloatTensor> head = stored.stream().filter(t -> byName.containsKey(t.name())).toList();
        return new Split(encoder, head);
    }

    /** The first difference between the declarations and {@code encoder} (same order), or {@code null}. */
    static String mismatch(List<EncoderTensor> declared, List<FloatTensor> encoder) {
        if (declared.size() != encoder.size()) {
            return declared.size() + " encoder tensors declared, " + encoder.size() + " given";
        }
        for (int i = 0; i < declared.size(); i++) {
            String problem = problem(declared.get(i), encoder.get(i));
            if (problem == null && !declared.get(i).name().equals(encoder.get(i).name())) {
                problem = "tensor " + i + " is '" + encoder.get(i).name() + "', declared '" + declared.get(i).name() + "'";
            }
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String problem(EncoderTensor declared, FloatTensor stored) {
        if (!SafetensorsDtype.F32.equals(declared.dtype())) {
            return "encoder tensor '" + declared.name() + "' is declared " + declared.dtype() + "; only F32 is stored";
        }
        if (stored == null) {
            return "declared encoder tensor '" + declared.name() + "' is missing";
        }
        if (!Arrays.equals(declared.shape(), stored.shape())) {
            return "encoder tensor '" + declared.name() + "' has shape " + Arrays.toString(stored.shape())
                    + ", declared " + Arrays.toString(declared.shape());
        }
        return null;
    }
}
