package dev.streamtune.trainer.rest;

import dev.streamtune.trainer.service.TrainerRuntime;
import dev.streamtune.trainer.training.TrainingStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Training progress of the models this trainer instance owns. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingResource {

    private final TrainerRuntime runtime;

    public TrainingResource(TrainerRuntime runtime) {
        this.runtime = runtime;
    }

    /** What this instance trains right now: its device, samples partitions and models. */
    public record InstanceStatus(String device, java.util.SortedSet<Integer> partitions, Map<String, TrainingStatus> models) {}

    /** What this instance trains right now. */
    @GET
    @Path("/training")
    public InstanceStatus all() {
        return new InstanceStatus(runtime.board().device(), runtime.board().partitions(), runtime.board().all());
    }

    /** One model's progress: samples, last version, last gate decision, throughput, lag, device. */
    @GET
    @Path("/models/{model}/training")
    public Response one(@PathParam("model") String model) {
        return runtime.board().get(model)
                .map(s -> Response.ok(s).build())
                .orElseGet(() -> Response.status(404).type("application/problem+json")
                        .entity(Map.of(
                                "type", "https://streamtune.dev/problems/model-not-training",
                                "title", "Model not trained here",
                                "status", 404,
                                "detail", "this trainer instance has not trained model '" + model
                                        + "' yet: unknown model, no samples so far, or its partition belongs to another instance",
                                "field", "model"))
                        .build());
    }
}
