package com.buildcrm.web;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.jersey.server.ParamException;

/** Turns every failure into problem+json; no stack trace ever reaches a client. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {}

    @Provider
    public static class ApiProblemMapper implements ExceptionMapper<ApiProblem> {
        @Override
        public Response toResponse(ApiProblem problem) {
            return problem.toResponse();
        }
    }

    @Provider
    public static class ValidationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<FieldError> errors = new ArrayList<>();
            for (ConstraintViolation<?> v : e.getConstraintViolations()) {
                errors.add(new FieldError(fieldName(v.getPropertyPath()), v.getMessage()));
            }
            errors.sort(Comparator.comparing(FieldError::field));
            String detail =
                    errors.stream().anyMatch(f -> f.field().isEmpty())
                            ? "The request body is missing"
                            : "The request has invalid fields";
            return ApiProblem.badRequest(detail, errors).toResponse();
        }

        /**
         * {@code create.request.owner.email} → {@code owner.email}: drop the method and parameter.
         */
        static String fieldName(Path path) {
            List<String> names = new ArrayList<>();
            for (Path.Node node : path) {
                switch (node.getKind()) {
                    case METHOD, CONSTRUCTOR, PARAMETER, RETURN_VALUE, CROSS_PARAMETER -> {}
                    default -> {
                        if (node.getName() != null) {
                            names.add(node.getName());
                        }
                    }
                }
            }
            return String.join(".", names);
        }
    }

    @Provider
    public static class JsonbMapper implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return malformed();
        }
    }

    @Provider
    public static class JsonMapper implements ExceptionMapper<JsonException> {
        @Override
        public Response toResponse(JsonException e) {
            return malformed();
        }
    }

    @Provider
    public static class ProcessingMapper implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ApiProblem problem) {
                    return problem.toResponse();
                }
            }
            return malformed();
        }
    }

    @Provider
    public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status >= 500) {
                return internal(e);
            }
            if (e.getCause() instanceof JsonbException || e.getCause() instanceof JsonException) {
                return malformed();
            }
            if (e instanceof ParamException p
                    && !(e instanceof ParamException.PathParamException)) {
                // a query, header, cookie or form value that does not convert (limit=abc): JAX-RS
                // answers 404, but the resource exists and the caller sent a bad value
                return ApiProblem.invalidField(p.getParameterName(), "is not a valid value")
                        .toResponse();
            }
            if (e instanceof NotAuthorizedException || status == 401) {
                return ApiProblem.unauthorized("A valid access token is required").toResponse();
            }
            Response.Status known = Response.Status.fromStatusCode(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String type = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
            String detail =
                    switch (status) {
                        case 400 -> "The request body is missing or is not valid JSON";
                        case 403 -> "You are not allowed to do this";
                        case 404 -> "No such resource";
                        case 405 -> "This method is not allowed here";
                        case 406 -> "The requested media type is not available";
                        case 415 -> "The body must be application/json";
                        default -> title;
                    };
            return new ApiProblem(status, type, title, detail, null, null).toResponse();
        }
    }

    @Provider
    public static class AnyMapper implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ApiProblem problem) {
                    return problem.toResponse();
                }
                if (t instanceof JsonbException || t instanceof JsonException) {
                    return malformed();
                }
            }
            return internal(e);
        }
    }

    static Response malformed() {
        return new ApiProblem(
                        400,
                        "malformed-body",
                        "Malformed request body",
                        "The body is not valid JSON of the expected shape (check syntax and field types)",
                        null,
                        null)
                .toResponse();
    }

    static Response internal(Throwable e) {
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unhandled error " + errorId, e);
        return new ApiProblem(
                        500,
                        "internal",
                        "Internal error",
                        "Something went wrong on our side (error id " + errorId + ")",
                        null,
                        null)
                .toResponse();
    }
}
