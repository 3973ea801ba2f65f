package dev.streamtune.ingest.rest;

import dev.streamtune.ingest.service.AcceptedSamples;
import dev.streamtune.ingest.service.JsonSampleIngest;
import dev.streamtune.ingest.service.NdjsonSampleIngest;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Labeled samples for a model: one sample or a JSON batch ({@code application/json}), or a stream of them
 * ({@code application/x-ndjson}). Answers 202 only once Kafka acknowledged every sample.
 *
 * <p>Both methods take the body as an {@link InputStream} on a worker thread: Quarkus REST buffers a body in
 * memory only up to {@code quarkus.rest.input-buffer-size}, then hands over a blocking stream of the request,
 * so an NDJSON body is read while it arrives.
 */
@Path("/v1/models/{model}/samples")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "samples", description = "Labeled samples, written to the samples topic")
public class SamplesResource {

    /** Media type of newline-delimited JSON. */
    public static final String NDJSON = "application/x-ndjson";

    private final JsonSampleIngest json;
    private final NdjsonSampleIngest ndjson;

    public SamplesResource(JsonSampleIngest json, NdjsonSampleIngest ndjson) {
        this.json = json;
        this.ndjson = ndjson;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send one sample or a JSON batch",
            description = "{\"text\": ..., \"label\": ...} or {\"image\": \"<base64 PNG/JPEG>\", \"label\": ...}, "
                    + "optional \"id\" and \"producedAt\"; or {\"samples\": [...]}. All or nothing.")
    @APIResponse(responseCode = "202", description = "Every sample is on Kafka: {\"accepted\": n, \"ids\": [...]}")
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid samples (problem+json listing each)")
    @APIResponse(responseCode = "404", description = "Unknown model")
    @APIResponse(responseCode = "413", description = "Body or batch over its limit")
    @APIResponse(responseCode = "503", description = "Kafka unavailable; retry after Retry-After seconds")
    public Response sendJson(@PathParam("model") String model,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) {
        return accepted(json.ingest(model, body, contentLength));
    }

    @POST
    @Blocking
    @Consumes(NDJSON)
    @Operation(summary = "Stream samples as NDJSON",
            description = "One sample object per line, streamed into one Kafka transaction: committed if every "
                    + "line is valid, aborted (nothing visible) otherwise.")
    @APIResponse(responseCode = "202", description = "Every sample is on Kafka: {\"accepted\": n, \"ids\": [...]}")
    @APIResponse(responseCode = "400", description = "Invalid lines (problem+json listing each with its line)")
    @APIResponse(responseCode = "413", description = "Body or line count over its limit")
    @APIResponse(responseCode = "503", description = "Kafka unavailable; retry after Retry-After seconds")
    public Response sendNdjson(@PathParam("model") String model,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) {
        return accepted(ndjson.ingest(model, body, contentLength));
    }

    private static Response accepted(AcceptedSamples result) {
        return Response.accepted(result).build();
    }
}
