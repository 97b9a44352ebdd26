package com.buildcrm.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Refuses a request whose decoded query or path parameters contain a NUL character ({@code %00})
 * with a 400 problem naming each such parameter: PostgreSQL cannot compare or store text with NUL,
 * so the request would otherwise end as a 500 wherever the value reaches a query. Webhooks included
 * (a 400 there is the provider's own mistake, not lost content). JSON bodies are checked by {@link
 * JsonBodyInterceptor}.
 */
@Provider
@Priority(Priorities.USER)
public class NulParameterFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        List<FieldError> errors = new ArrayList<>();
        collect(request.getUriInfo().getPathParameters(true), errors);
        collect(request.getUriInfo().getQueryParameters(true), errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("The request has invalid parameters", errors);
        }
    }

    private static void collect(MultivaluedMap<String, String> params, List<FieldError> errors) {
        for (Map.Entry<String, List<String>> p : new TreeMap<>(params).entrySet()) {
            boolean bad = JsonBodyCheck.hasNul(p.getKey());
            for (String value : p.getValue()) {
                bad |= JsonBodyCheck.hasNul(value);
            }
            if (bad) {
                errors.add(
                        new FieldError(
                                p.getKey().replace('\u0000', '\uFFFD'), JsonBodyCheck.NUL_MESSAGE));
            }
        }
    }
}
