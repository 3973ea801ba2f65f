package dev.streamtune.ingest.rest;

import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.ingest.config.IngestConfig;
import dev.streamtune.ingest.security.ApiRole;
import dev.streamtune.ingest.security.RequiresKey;
import dev.streamtune.ingest.service.ModelRegistry;
import dev.streamtune.ingest.service.RequestBodies;
import dev.streamtune.ingest.validation.ModelSpecValidator;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The model registry: register or update a model spec (admin key), read specs (any key). */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "models", description = "Model specs: what each model learns and how")
public class ModelsResource {

    private final ModelRegistry registry;
    private final ModelSpecValidator validator;
    private final RequestBodies bodies;
    private final long maxBody;

    public ModelsResource(ModelRegistry registry, ModelSpecValidator validator, RequestBodies bodies,
            IngestConfig config) {
        this.registry = registry;
        this.validator = validator;
        this.bodies = bodies;
        this.maxBody = config.limits().maxJsonBodySize().asLongValue();
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresKey(ApiRole.ADMIN)
    @Operation(summary = "Register or update a model spec",
            description = "Defaults: backbone by task, strategy feature-extraction, replay and publish defaults. "
                    + "Answers once this replica's registry holds the new revision.")
    @APIResponse(responseCode = "201", description = "Registered (new model)")
    @APIResponse(responseCode = "200", description = "Updated (revision + 1)")
    @APIResponse(responseCode = "400", description = "Invalid spec (problem+json listing each field)")
    @APIResponse(responseCode = "409", description = "The update changes the model's task")
    @APIResponse(responseCode = "503", description = "Kafka unavailable; retry after Retry-After seconds")
    public Response register(@HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) {
        ModelSpec draft = validator.validate(bodies.readJson(body, contentLength, maxBody, "."));
        ModelRegistry.Registration registration = registry.register(draft);
        if (registration.created()) {
            return Response.created(UriBuilder.fromPath("/v1/models/{model}").build(registration.spec().name()))
                    .entity(registration.spec()).build();
        }
        return Response.ok(registration.spec()).build();
    }

    @GET
    @Operation(summary = "List the registered model specs")
    public ModelList list() {
        return new ModelList(registry.list());
    }

    @GET
    @Path("{model}")
    @Operation(summary = "One model spec")
    @APIResponse(responseCode = "404", description = "No such model")
    public ModelSpec get(@PathParam("model") String model) {
        return registry.get(model);
    }
}
