package dev.streamtune.trainer.rest;

import dev.streamtune.trainer.service.TrainerRuntime;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Live and ready while the training loop runs. */
@Liveness
@Readiness
public class TrainerHealth implements HealthCheck {

    private final TrainerRuntime runtime;

    public TrainerHealth(TrainerRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("training-loop").status(runtime.healthy())
                .withData("device", runtime.board().device()).withData("models", runtime.board().all().size()).build();
    }
}
