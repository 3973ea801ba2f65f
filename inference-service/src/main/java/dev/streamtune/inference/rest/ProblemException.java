package dev.streamtune.inference.rest;

import jakarta.ws.rs.core.Response;

/** Ends a request with a {@link Problem} response. */
public final class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** The problem as a response. */
    public Response toResponse() {
        return Problems.response(problem);
    }
}
