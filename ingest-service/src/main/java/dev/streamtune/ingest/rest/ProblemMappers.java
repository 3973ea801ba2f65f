package dev.streamtune.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamtune.ingest.config.IngestConfig;
import dev.streamtune.ingest.messaging.KafkaUnavailableException;
import dev.streamtune.ingest.metrics.IngestMetrics;
import dev.streamtune.ingest.problem.Problem;
import dev.streamtune.ingest.problem.ProblemException;
import dev.streamtune.ingest.problem.ProblemType;
import dev.streamtune.ingest.security.ApiKeyFilter;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Turns every failure of a REST request into an {@code application/problem+json} answer, and counts rejected
 * sample requests by reason.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Map<Integer, ProblemType> BY_STATUS = Map.of(
            404, ProblemType.NOT_FOUND, 405, ProblemType.METHOD_NOT_ALLOWED, 406, ProblemType.NOT_ACCEPTABLE,
            413, ProblemType.REQUEST_TOO_LARGE, 415, ProblemType.UNSUPPORTED_MEDIA_TYPE);

    private final ObjectMapper mapper;
    private final IngestMetrics metrics;
    private final int retryAfterSeconds;

    public ProblemMappers(ObjectMapper mapper, IngestMetrics metrics, IngestConfig config) {
        this.mapper = mapper;
        this.metrics = metrics;
        this.retryAfterSeconds = config.kafka().retryAfterSeconds();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, SimpleResourceInfo resource) {
        return answer(e.type(), e.problem(), e.retryAfterSeconds(), resource);
    }

    @ServerExceptionMapper
    public Response kafkaUnavailable(KafkaUnavailableException e, SimpleResourceInfo resource) {
        LOG.warnf("answering 503: %s", e.getMessage());
        Problem problem = Problem.of(ProblemType.KAFKA_UNAVAILABLE, "Kafka did not take the request in time ("
                + e.getMessage() + "). Retry in " + retryAfterSeconds + " s; send the same sample ids so that "
                + "a retry of something Kafka did keep is recognised as a duplicate.", List.of());
        return answer(ProblemType.KAFKA_UNAVAILABLE, problem, OptionalInt.of(retryAfterSeconds), resource);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, SimpleResourceInfo resource) {
        int status = e.getResponse().getStatus();
        ProblemType type = BY_STATUS.get(status);
        if (type == null) {
            LOG.errorf(e, "unexpected HTTP error %d", status);
            type = ProblemType.INTERNAL_ERROR;
        }
        return answer(type, Problem.of(type, e.getMessage(), List.of()), OptionalInt.empty(), resource);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, SimpleResourceInfo resource) {
        LOG.error("unexpected failure of a request", e);
        Problem problem = Problem.of(ProblemType.INTERNAL_ERROR, "The request failed unexpectedly: " + e, List.of());
        return answer(ProblemType.INTERNAL_ERROR, problem, OptionalInt.empty(), resource);
    }

    private Response answer(ProblemType type, Problem problem, OptionalInt retryAfter, SimpleResourceInfo resource) {
        if (resource != null && resource.getResourceClass() == SamplesResource.class) {
            metrics.rejected(type.slug());
        }
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(json(problem));
        retryAfter.ifPresent(s -> response.header(HttpHeaders.RETRY_AFTER, s));
        if (type == ProblemType.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + ApiKeyFilter.HEADER + "\"");
        }
        return response.build();
    }

    private byte[] json(Problem problem) {
        try {
            return mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
