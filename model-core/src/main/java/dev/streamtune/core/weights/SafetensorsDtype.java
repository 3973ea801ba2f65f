package dev.streamtune.core.weights;

import java.util.Map;

/** The dtypes of the safetensors format with their element sizes in bytes. */
final class SafetensorsDtype {

    /** The only dtype heads are stored in. */
    static final String F32 = "F32";

    private static final Map<String, Integer> SIZES = Map.ofEntries(
            Map.entry("BOOL", 1), Map.entry("U8", 1), Map.entry("I8", 1), Map.entry("F8_E5M2", 1),
            Map.entry("F8_E4M3", 1), Map.entry("I16", 2), Map.entry("U16", 2), Map.entry("F16", 2),
            Map.entry("BF16", 2), Map.entry("I32", 4), Map.entry("U32", 4), Map.entry("F32", 4),
            Map.entry("F64", 8), Map.entry("I64", 8), Map.entry("U64", 8));

    private SafetensorsDtype() {}

    /** Bytes per element of {@code dtype}, or -1 when it is not a safetensors dtype. */
    static int size(String dtype) {
        return SIZES.getOrDefault(dtype, -1);
    }
}
