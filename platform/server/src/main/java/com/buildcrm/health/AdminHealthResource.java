package com.buildcrm.health;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Global Admin: the system's technical health. Operators only. */
@Path("api/admin/health")
@Produces(MediaType.APPLICATION_JSON)
public class AdminHealthResource {

    @Inject AdminHealthService health;

    @GET
    @RolesAllowed("operator")
    public AdminHealth get() {
        return health.read();
    }
}
