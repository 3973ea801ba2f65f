package dev.streamtune.inference.rest;

import dev.streamtune.inference.service.InferenceRuntime;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the version feed has caught up and every registered model with a valid version has one loaded. */
@Readiness
public class ReadinessCheck implements HealthCheck {

    private final InferenceRuntime runtime;

    public ReadinessCheck(InferenceRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public HealthCheckResponse call() {
        if (!runtime.started()) {
            return HealthCheckResponse.named("models-loaded").down().withData("waiting", "(starting)").build();
        }
        List<String> waiting = runtime.stack().models().waiting();
        return HealthCheckResponse.named("models-loaded").status(waiting.isEmpty() && runtime.stack().alive())
                .withData("waiting", String.join(",", waiting))
                .withData("models", runtime.stack().models().all().size()).build();
    }
}
