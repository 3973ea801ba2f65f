package dev.streamtune.inference.service;

import dev.streamtune.inference.batching.InputRejectedException;
import dev.streamtune.inference.batching.OverloadedException;
import dev.streamtune.inference.swap.KeptVersion;
import dev.streamtune.inference.swap.LoadedModel;
import dev.streamtune.inference.swap.ModelEntry;
import dev.streamtune.inference.swap.ModelLease;
import dev.streamtune.inference.swap.Refusal;
import dev.streamtune.inference.swap.Scored;
import dev.streamtune.inference.service.PredictException.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Answers predict requests: leases the model's serving version (so one version answers a whole batch, and it
 * cannot close under the request), checks the inputs' modality, queues them on the backbone's batcher and
 * releases the lease when all are answered. Never loads anything.
 */
@ApplicationScoped
public class PredictionService {

    private final InferenceRuntime runtime;

    public PredictionService(InferenceRuntime runtime) {
        this.runtime = runtime;
    }

    /** The answer of one request: the version that answered and the top-k per input, in input order. */
    public record Answer(LoadedModel model, List<List<Scored>> topK) {}

    /**
     * Predicts {@code inputs} with {@code model}'s serving version.
     *
     * @throws PredictException immediately for an unknown model, no servable version or a wrong modality; the
     *     stage fails with one for inputs the backbone rejects or an overloaded batcher
     */
    public CompletionStage<Answer> predict(String model, List<PredictInput> inputs, int k) {
        ModelEntry entry = runtime.stack().models().find(model);
        if (entry == null) {
            throw new PredictException(Kind.UNKNOWN_MODEL, "model", "model '" + model + "' is not registered");
        }
        ModelLease lease = entry.slot().lease();
        if (lease == null) {
            throw notServing(entry);
        }
        try {
            LoadedModel m = lease.model();
            for (PredictInput in : inputs) {
                if (in.modality() != m.batcher().modality()) {
                    throw new PredictException(Kind.WRONG_MODALITY, in.field(), "model '" + model + "' reads "
                            + m.batcher().modality().name().toLowerCase() + " inputs, this one is " + in.modality().name().toLowerCase());
                }
            }
            List<CompletableFuture<List<Scored>>> answers = new ArrayList<>(inputs.size());
            for (PredictInput in : inputs) {
                answers.add(m.batcher().submit(in.value(), m, k).exceptionally(e -> {
                    throw translate(e, in);
                }));
            }
            return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                    .thenApply(done -> new Answer(m, answers.stream().map(CompletableFuture::join).toList()))
                    .whenComplete((answer, failure) -> lease.close());
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    private static CompletionException translate(Throwable e, PredictInput in) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof InputRejectedException) {
            return new CompletionException(new PredictException(Kind.INPUT_REJECTED, in.field(),
                    in.field() + " was rejected by the backbone: " + cause.getMessage()));
        }
        if (cause instanceof OverloadedException) {
            return new CompletionException(new PredictException(Kind.OVERLOADED, null, cause.getMessage()));
        }
        return new CompletionException(cause);
    }

    private static PredictException notServing(ModelEntry entry) {
        KeptVersion target = entry.target();
        if (target != null) {
            return new PredictException(Kind.LOADING, "model", "model '" + entry.name() + "' is loading version "
                    + target.version() + "; retry shortly");
        }
        List<Refusal> refused = entry.versions().refusals();
        if (refused.isEmpty()) {
            return new PredictException(Kind.NO_VERSION, "model", "model '" + entry.name()
                    + "' has no published version yet: the trainer publishes one once enough samples are trained");
        }
        Refusal last = refused.get(refused.size() - 1);
        return new PredictException(Kind.NO_VERSION, "model", "model '" + entry.name() + "' has no servable version: "
                + refused.size() + " refused, the latest (" + last.version() + ") for " + last.reason().tag() + ": " + last.detail());
    }
}
