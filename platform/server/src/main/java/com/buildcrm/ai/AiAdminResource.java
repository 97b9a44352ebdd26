package com.buildcrm.ai;

import com.buildcrm.ai.greeting.GreetingChains;
import com.buildcrm.audit.AuditLog.Actor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Global Admin: a tenant's AI manager — settings, pack choice, greeting chain and a dry-run
 * preview. Operators only. Same root path as the other tenant sub-resources (Jersey merges them).
 */
@Path("api/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AiAdminResource {

    @Inject AiAdminService service;
    @Inject JsonWebToken jwt;

    @GET
    @Path("{id}/ai")
    @RolesAllowed("operator")
    public AiAdminService.AiView ai(@PathParam("id") long id) {
        return service.ai(id);
    }

    @PUT
    @Path("{id}/ai")
    @RolesAllowed("operator")
    public AiAdminService.AiView saveAi(
            @PathParam("id") long id, @Valid @NotNull AiRequests.AiRequest request) {
        return service.saveAi(id, request, actor());
    }

    @POST
    @Path("{id}/ai/preview")
    @RolesAllowed("operator")
    public AiAdminService.Preview preview(
            @PathParam("id") long id, @Valid @NotNull AiRequests.PreviewRequest request) {
        return service.preview(id, request.turns);
    }

    @GET
    @Path("{id}/pack")
    @RolesAllowed("operator")
    public AiAdminService.PackView pack(@PathParam("id") long id) {
        return service.pack(id);
    }

    @PUT
    @Path("{id}/pack")
    @RolesAllowed("operator")
    public AiAdminService.PackView savePack(
            @PathParam("id") long id, @Valid @NotNull AiRequests.PackRequest request) {
        return service.savePack(id, request.pack, request.settings, actor());
    }

    @GET
    @Path("{id}/greeting")
    @RolesAllowed("operator")
    public AiAdminService.GreetingView greeting(@PathParam("id") long id) {
        return service.greeting(id);
    }

    @PUT
    @Path("{id}/greeting")
    @RolesAllowed("operator")
    public AiAdminService.GreetingView saveGreeting(
            @PathParam("id") long id, @Valid @NotNull AiRequests.GreetingRequest request) {
        List<GreetingChains.Step> steps = new ArrayList<>();
        for (AiRequests.GreetingStepRequest s : request.steps) {
            List<GreetingChains.Media> media = new ArrayList<>();
            List<String> ids = s.mediaIds == null ? List.of() : s.mediaIds;
            for (int i = 0; i < ids.size(); i++) {
                String caption =
                        s.captions != null && i < s.captions.size() ? s.captions.get(i) : null;
                media.add(new GreetingChains.Media(ids.get(i), caption));
            }
            steps.add(
                    new GreetingChains.Step(
                            s.kind.strip().toLowerCase(java.util.Locale.ROOT),
                            s.text,
                            media,
                            s.url == null ? null : s.url.strip()));
        }
        return service.saveGreeting(id, steps, actor());
    }

    @DELETE
    @Path("{id}/greeting")
    @RolesAllowed("operator")
    public AiAdminService.GreetingView resetGreeting(@PathParam("id") long id) {
        return service.resetGreeting(id, actor());
    }

    private Actor actor() {
        return Actor.operator(
                Long.parseLong(jwt.getSubject().substring("operator:".length())), jwt.getName());
    }
}
