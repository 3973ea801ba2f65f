package dev.streamtune.inference.swap;

import dev.streamtune.contracts.Modality;
import java.util.Set;

/** The registered models (those with a spec): only they are served. */
public interface RegisteredModels {

    /** Whether {@code model} is registered. */
    boolean contains(String model);

    /** Every registered model name. */
    Set<String> names();

    /** The input modality of {@code model}, or {@code null} while it is not registered. */
    Modality modality(String model);
}
