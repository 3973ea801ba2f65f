package dev.streamtune.inference.rest;

import dev.streamtune.inference.service.PredictException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns the service's exceptions into {@code application/problem+json} responses. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.toResponse();
    }

    @ServerExceptionMapper
    public Response predict(PredictException e) {
        return Problems.response(Problems.of(e));
    }
}
