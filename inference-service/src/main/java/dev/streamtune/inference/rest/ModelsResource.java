package dev.streamtune.inference.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.inference.service.InferenceRuntime;
import dev.streamtune.inference.service.ServingStack;
import dev.streamtune.inference.swap.KeptVersion;
import dev.streamtune.inference.swap.ModelEntry;
import dev.streamtune.inference.swap.Refusal;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The models this replica serves, their kept versions, and pinning (admin). */
@Path("/v1/models")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ModelsResource {

    private final InferenceRuntime runtime;
    private final AdminKeyCheck admin;
    private final ObjectMapper json;

    public ModelsResource(InferenceRuntime runtime, AdminKeyCheck admin, ObjectMapper json) {
        this.runtime = runtime;
        this.admin = admin;
        this.json = json;
    }

    /** Every registered model: serving version, pin, latest version, loaded-at. */
    @GET
    public List<ModelView> all() {
        return stack().models().all().values().stream().map(ModelView::summary).toList();
    }

    /** One model with the labels and metrics of its serving version and its latest refusals. */
    @GET
    @Path("/{model}")
    public ModelView one(@PathParam("model") String model) {
        return ModelView.details(entry(model));
    }

    /** The versions kept for pinning and rollback, oldest first. */
    @GET
    @Path("/{model}/versions")
    public VersionsView versions(@PathParam("model") String model) {
        ModelEntry e = entry(model);
        long serving = e.servingVersion();
        Long pinned = e.pinned();
        List<VersionView> versions = e.versions().kept().stream().map(k -> VersionView.of(k.info(), serving, pinned)).toList();
        return new VersionsView(model, nonZero(serving), pinned, versions);
    }

    /** Pins the model to a kept version, on every replica and across restarts. Admin key required. */
    @PUT
    @Path("/{model}/pin")
    @Consumes(MediaType.WILDCARD)
    public PinView pin(@PathParam("model") String model, @HeaderParam(AdminKeyCheck.HEADER) String key, byte[] body) {
        admin.require(key);
        ModelEntry e = entry(model);
        long version = parseVersion(body);
        KeptVersion kept = e.versions().get(version);
        if (kept == null) {
            Refusal r = e.versions().refusal(version);
            if (r != null) {
                throw Problems.refusedVersion("version " + version + " of '" + model + "' was refused (" + r.reason().tag()
                        + "): " + r.detail());
            }
            throw Problems.unknownVersion("version " + version + " of '" + model + "' is not kept here; kept versions: "
                    + e.versions().kept().stream().map(KeptVersion::version).toList());
        }
        try {
            stack().pins().pin(model, version);
        } catch (IllegalStateException x) {
            throw Problems.unavailable(x.getMessage());
        }
        return new PinView(model, e.pinned(), nonZero(e.servingVersion()));
    }

    /** Removes the pin: the model follows its latest version again. Admin key required. */
    @DELETE
    @Path("/{model}/pin")
    public PinView unpin(@PathParam("model") String model, @HeaderParam(AdminKeyCheck.HEADER) String key) {
        admin.require(key);
        ModelEntry e = entry(model);
        try {
            stack().pins().unpin(model);
        } catch (IllegalStateException x) {
            throw Problems.unavailable(x.getMessage());
        }
        return new PinView(model, e.pinned(), nonZero(e.servingVersion()));
    }

    private long parseVersion(byte[] body) {
        JsonNode root = JsonBodies.object(json, body, "{\"version\": n}");
        root.fieldNames().forEachRemaining(name -> {
            if (!name.equals("version")) {
                throw Problems.badInput(name, "unknown field '" + name + "'; expected {\"version\": n}");
            }
        });
        JsonNode v = root.get("version");
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw Problems.badInput("version", "version must be an integer, got " + JsonBodies.kind(v));
        }
        if (v.longValue() < 1) {
            throw Problems.badInput("version", "version must be at least 1, got " + v.longValue());
        }
        return v.longValue();
    }

    private ModelEntry entry(String model) {
        ModelEntry e = stack().models().find(model);
        if (e == null) {
            throw Problems.unknownModel(model);
        }
        return e;
    }

    private ServingStack stack() {
        if (!runtime.started()) {
            throw Problems.unavailable("inference-service is starting");
        }
        return runtime.stack();
    }

    private static Long nonZero(long v) {
        return v == 0 ? null : v;
    }
}
