package com.buildcrm.tenant;

import com.buildcrm.audit.AuditLog.Actor;
import com.buildcrm.tenant.TenantRequests.CreateTenantRequest;
import com.buildcrm.tenant.TenantRequests.TenantResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Global Admin: the operator creates and runs client companies. Operators only. */
@Path("api/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantAdminResource {

    @Inject TenantAdminService service;
    @Inject JsonWebToken jwt;

    @POST
    @RolesAllowed("operator")
    public Response create(
            @Valid @NotNull CreateTenantRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        TenantResponse created = service.create(request, actor());
        return Response.created(
                        uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed("operator")
    public List<TenantResponse> list() {
        return service.list();
    }

    @GET
    @Path("{id}")
    @RolesAllowed("operator")
    public TenantResponse get(@PathParam("id") long id) {
        return service.get(id);
    }

    @POST
    @Path("{id}/suspend")
    @RolesAllowed("operator")
    public TenantResponse suspend(@PathParam("id") long id) {
        return service.suspend(id, actor());
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed("operator")
    public TenantResponse resume(@PathParam("id") long id) {
        return service.resume(id, actor());
    }

    private Actor actor() {
        return Actor.operator(
                Long.parseLong(jwt.getSubject().substring("operator:".length())), jwt.getName());
    }
}
