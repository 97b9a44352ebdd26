package com.buildcrm.user;

import com.buildcrm.user.UserRequests.CreateUserRequest;
import com.buildcrm.user.UserRequests.UpdateUserRequest;
import com.buildcrm.user.UserRequests.UserResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Users of the caller's own company; the owner and the ROP only. */
@Path("api/crm/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject UserService users;

    @GET
    @RolesAllowed({"owner", "rop"})
    public List<UserResponse> list() {
        return users.list();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"owner", "rop"})
    public UserResponse get(@PathParam("id") long id) {
        return users.get(id);
    }

    @POST
    @RolesAllowed({"owner", "rop"})
    public Response create(@Valid @NotNull CreateUserRequest request, @Context UriInfo uri) {
        UserResponse created = users.create(request);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(created)
                .build();
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed({"owner", "rop"})
    public UserResponse update(
            @PathParam("id") long id, @Valid @NotNull UpdateUserRequest request) {
        return users.update(id, request);
    }
}
