package dev.streamtune.inference.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.inference.config.InferenceConfig;
import dev.streamtune.inference.dashboard.TrainerStatusClient;
import dev.streamtune.inference.service.InferenceRuntime;
import dev.streamtune.inference.service.ServingStack;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /v1/dashboard}: the data of the dashboard page ({@code /dashboard/}) in one answer. The trainers'
 * figures are fetched here, server-side, from {@code inference.dashboard.trainer-urls}, so the page needs no CORS
 * and no second origin; a trainer that does not answer is shown as unreachable with the reason.
 */
@Path("/v1/dashboard")
public class DashboardResource {

    private final InferenceRuntime runtime;
    private final TrainerStatusClient trainers;

    public DashboardResource(InferenceRuntime runtime, InferenceConfig cfg, ObjectMapper json) {
        this.runtime = runtime;
        InferenceConfig.Dashboard dashboard = cfg.dashboard();
        this.trainers = new TrainerStatusClient(dashboard.trainerUrls(), Duration.ofMillis(dashboard.trainerTimeoutMs()), json);
    }

    /** Every registered model with its versions, serving state and training figures, and each trainer's state. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public CompletionStage<DashboardView> dashboard() {
        if (!runtime.started()) {
            throw Problems.unavailable("inference-service is starting");
        }
        ServingStack stack = runtime.stack();
        return trainers.fetchAll().thenApply(reports ->
                DashboardView.of(System.currentTimeMillis(), stack.models().all().values(), stack::spec, reports));
    }
}
