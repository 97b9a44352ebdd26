package com.buildcrm.health;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Answers once the REST layer really serves requests; the readiness warm-up calls it.
 *
 * <p>{@code @PermitAll} on the class, not on its methods: Payara's MicroProfile JWT filter for a
 * method-level {@code @PermitAll} runs the authentication mechanism a second time on every request
 * (ADR 053).
 */
@Path("api/ping")
@PermitAll
public class PingResource {

    static final String MARKER = "X-BuildCRM-Ping";

    @GET
    @Operation(hidden = true)
    public Response ping() {
        return Response.noContent().header(MARKER, "pong").build();
    }
}
