package dev.streamtune.inference.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.inference.config.InferenceConfig;
import dev.streamtune.inference.service.InferenceRuntime;
import dev.streamtune.inference.service.PredictException;
import dev.streamtune.inference.service.PredictionService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/** {@code POST /v1/models/{model}/predict}: one input or a batch, answered by one version with its freshness. */
@Path("/v1/models/{model}/predict")
public class PredictResource {

    private static final Logger LOG = Logger.getLogger(PredictResource.class);
    private final PredictionService service;
    private final InferenceRuntime runtime;
    private final PredictRequestParser parser;
    private final InferenceConfig.Predict limits;

    public PredictResource(PredictionService service, InferenceRuntime runtime, ObjectMapper json, InferenceConfig cfg) {
        this.service = service;
        this.runtime = runtime;
        this.limits = cfg.predict();
        this.parser = new PredictRequestParser(json, limits.maxInputs());
    }

    /**
     * Predicts the {@code k} (default {@code inference.predict.default-k}) most probable labels of each input.
     * Runs on the event loop and never blocks: inputs wait for the backbone in the batcher.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public CompletionStage<Response> predict(@PathParam("model") String model, @QueryParam("k") String k, byte[] body) {
        long start = System.nanoTime();
        CompletionStage<Response> answer;
        try {
            if (!runtime.started()) {
                throw Problems.unavailable("inference-service is starting");
            }
            int topK = parseK(k);
            PredictRequestParser.Parsed request = parser.parse(body);
            answer = service.predict(model, request.inputs(), topK).thenApply(a -> {
                VersionInfo v = a.model().info();
                long now = System.currentTimeMillis();
                List<PredictionView> views = a.topK().stream().map(PredictionView::of).toList();
                Object entity = request.batch() ? PredictResponse.batch(views, v, now) : PredictResponse.single(views.get(0), v, now);
                return Response.ok(entity, MediaType.APPLICATION_JSON_TYPE).build();
            }).exceptionally(PredictResource::failure);
        } catch (ProblemException e) {
            answer = CompletableFuture.completedFuture(e.toResponse());
        } catch (PredictException e) {
            answer = CompletableFuture.completedFuture(Problems.response(Problems.of(e)));
        }
        return answer.whenComplete((r, e) -> runtime.metrics().request(metricModel(model),
                r == null ? 500 : r.getStatus(), System.nanoTime() - start));
    }

    private String metricModel(String model) {
        return runtime.started() && runtime.stack().spec(model) != null ? model : "unknown";
    }

    private int parseK(String k) {
        if (k == null || k.isBlank()) {
            return limits.defaultK();
        }
        int n;
        try {
            n = Integer.parseInt(k.strip());
        } catch (NumberFormatException e) {
            throw Problems.badInput("k", "k must be an integer, got '" + k + "'");
        }
        if (n < 1 || n > limits.maxK()) {
            throw Problems.badInput("k", "k must be between 1 and " + limits.maxK() + ", got " + n);
        }
        return n;
    }

    private static Response failure(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof PredictException p) {
            return Problems.response(Problems.of(p));
        }
        LOG.error("prediction failed", cause);
        return Problems.response(Problem.of("internal", "Internal error", 500, "prediction failed: " + cause.getMessage(), null));
    }
}
