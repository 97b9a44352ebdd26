package com.buildcrm.pipeline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The company's funnel stages in order (editing arrives with the CRM's settings screens). */
@Path("api/crm/stages")
@Produces(MediaType.APPLICATION_JSON)
public class StageResource {

    public record StageResponse(long id, String name, String role, int position, String color) {}

    @Inject StageService stages;

    @GET
    @RolesAllowed({"owner", "rop", "manager"})
    public List<StageResponse> list() {
        return stages.inOrder().stream()
                .map(s -> new StageResponse(s.id(), s.name(), s.role(), s.position(), s.color()))
                .toList();
    }
}
