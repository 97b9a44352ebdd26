package com.buildcrm.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An error that reaches the client as problem+json. Thrown by resources and services; mapped by
 * {@link ProblemMappers}.
 */
public class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    private final int status;
    private final String type;
    private final String title;
    private final transient List<FieldError> errors;
    private final Long retryAfterSeconds;

    public ApiProblem(
            int status,
            String type,
            String title,
            String detail,
            List<FieldError> errors,
            Long retryAfter) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfterSeconds = retryAfter;
    }

    public static ApiProblem badRequest(String detail, List<FieldError> errors) {
        return new ApiProblem(400, "validation", "Invalid request", detail, errors, null);
    }

    public static ApiProblem invalidField(String field, String message) {
        return badRequest(
                "The request has invalid fields", List.of(new FieldError(field, message)));
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "unauthorized", "Unauthorized", detail, null, null);
    }

    public static ApiProblem forbidden(String type, String detail) {
        return new ApiProblem(403, type, "Forbidden", detail, null, null);
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, "not-found", "Not found", what + " was not found", null, null);
    }

    public static ApiProblem conflict(String type, String detail) {
        return new ApiProblem(409, type, "Conflict", detail, null, null);
    }

    public static ApiProblem tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiProblem(
                429, "too-many-requests", "Too many requests", detail, null, retryAfterSeconds);
    }

    public static ApiProblem payloadTooLarge(long limit) {
        return new ApiProblem(
                413,
                "payload-too-large",
                "Payload too large",
                "The request body exceeds " + limit + " bytes",
                null,
                null);
    }

    /** A bare status as problem+json with no detail (webhooks and signed URLs say nothing more). */
    public static Response bare(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return new ApiProblem(
                        status,
                        title.toLowerCase().replaceAll("[^a-z0-9]+", "-"),
                        title,
                        title,
                        null,
                        null)
                .toResponse();
    }

    public int status() {
        return status;
    }

    /** The fields a 400 names (empty for other problems). */
    public List<FieldError> errors() {
        return errors == null ? List.of() : errors;
    }

    public Response toResponse() {
        Response.ResponseBuilder builder =
                Response.status(status)
                        .type(PROBLEM_JSON)
                        .entity(
                                new ProblemBody(
                                        ProblemBody.TYPE_BASE + type,
                                        title,
                                        status,
                                        getMessage(),
                                        errors));
        if (retryAfterSeconds != null) {
            builder.header("Retry-After", Long.toString(retryAfterSeconds));
        }
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }
}
