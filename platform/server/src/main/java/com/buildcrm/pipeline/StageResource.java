package com.buildcrm.pipeline;

import com.buildcrm.tenancy.TenantData;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The company's funnel stages in order (editing arrives with the CRM's settings). */
@Path("api/crm/stages")
@Produces(MediaType.APPLICATION_JSON)
public class StageResource {

    public record StageResponse(long id, String name, String role, int position, String color) {}

    @Inject TenantData data;

    @GET
    @RolesAllowed({"owner", "rop", "manager"})
    public List<StageResponse> list() {
        return data.tx(
                em ->
                        em
                                .createQuery(
                                        "SELECT s FROM Stage s ORDER BY s.position, s.id",
                                        Stage.class)
                                .getResultList()
                                .stream()
                                .map(
                                        s ->
                                                new StageResponse(
                                                        s.id(),
                                                        s.name(),
                                                        s.role(),
                                                        s.position(),
                                                        s.color()))
                                .toList());
    }
}
