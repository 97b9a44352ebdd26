package com.buildcrm.health;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Answers once the REST layer really serves requests; the readiness warm-up calls it. */
@Path("api/ping")
public class PingResource {

    static final String MARKER = "X-BuildCRM-Ping";

    @GET
    @PermitAll
    @Operation(hidden = true)
    public Response ping() {
        return Response.noContent().header(MARKER, "pong").build();
    }
}
