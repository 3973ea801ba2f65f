package dev.streamtune.inference.service;

import dev.streamtune.contracts.Modality;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.inference.swap.RegisteredModels;
import dev.streamtune.kafka.common.CompactedTopicView;
import java.util.Set;

/** The registered models as the {@code model-specs} topic says (a tombstone unregisters a model). */
final class SpecRegistry implements RegisteredModels {

    private final CompactedTopicView<ModelSpec> specs;

    SpecRegistry(CompactedTopicView<ModelSpec> specs) {
        this.specs = specs;
    }

    @Override
    public boolean contains(String model) {
        return specs.get(model) != null;
    }

    @Override
    public Set<String> names() {
        return specs.all().keySet();
    }

    @Override
    public Modality modality(String model) {
        ModelSpec spec = specs.get(model);
        return spec == null || spec.task() == null ? null : spec.task().modality();
    }
}
