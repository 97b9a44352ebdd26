package com.buildcrm.pipeline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The company's funnel stages in order. Everyone reads them; the owner and heads of sales edit them
 * (system stages are renamed and recoloured, never deleted).
 */
@Path("api/crm/stages")
@Produces(MediaType.APPLICATION_JSON)
public class StageResource {

    public record StageResponse(long id, String name, String role, int position, String color) {
        static StageResponse of(Stage s) {
            return new StageResponse(s.id(), s.name(), s.role(), s.position(), s.color());
        }
    }

    /** POST and PATCH body; absent fields stay as they are on PATCH. */
    public static final class StageRequest {
        @Size(max = 100)
        public String name;

        @Size(max = 16)
        public String color;
    }

    /** PUT /order body: every stage id once, in the new order. */
    public static final class OrderRequest {
        @NotNull
        @Size(max = 50)
        public List<@NotNull Long> ids;
    }

    @Inject StageService stages;

    @GET
    @RolesAllowed({"owner", "rop", "manager"})
    public List<StageResponse> list() {
        return stages.inOrder().stream().map(StageResponse::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"owner", "rop"})
    public Response create(@Valid @NotNull StageRequest request) {
        return Response.status(201)
                .entity(StageResponse.of(stages.create(request.name, request.color)))
                .build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"owner", "rop"})
    public StageResponse update(@PathParam("id") long id, @Valid @NotNull StageRequest request) {
        return StageResponse.of(stages.update(id, request.name, request.color));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({"owner", "rop"})
    public Response delete(@PathParam("id") long id) {
        stages.delete(id);
        return Response.noContent().build();
    }

    @PUT
    @Path("order")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"owner", "rop"})
    public List<StageResponse> reorder(@Valid @NotNull OrderRequest request) {
        return stages.reorder(request.ids).stream().map(StageResponse::of).toList();
    }
}
