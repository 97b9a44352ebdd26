package com.buildcrm.audit;

import com.buildcrm.audit.AuditReader.AuditPage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Global Admin: who changed what, when, per tenant (newest first; {@code cursor} = the previous
 * page's {@code nextCursor}, {@code limit} 1-200, default 50). Operators only.
 */
@Path("api/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class AuditAdminResource {

    @Inject AuditReader reader;

    @GET
    @Path("{id}/audit")
    @RolesAllowed("operator")
    public AuditPage list(
            @PathParam("id") long tenantId,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return reader.list(tenantId, cursor, limit);
    }
}
