package com.buildcrm.tenancy;

import com.buildcrm.web.ApiProblem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers tenant data touched without a bound tenant with 403 {@code no-tenant} problem+json. It
 * lives here, not with the other mappers in {@code web}, so that {@code web} (used by every
 * package) depends on no feature.
 */
@Provider
public class TenantNotBoundMapper implements ExceptionMapper<TenantNotBoundException> {
    @Override
    public Response toResponse(TenantNotBoundException e) {
        return ApiProblem.forbidden("no-tenant", e.getMessage()).toResponse();
    }
}
