package com.buildcrm.followup;

import com.buildcrm.audit.AuditLog.Actor;
import com.buildcrm.web.ApiProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Global Admin: a tenant's follow-up policy — {@code {steps: [{delayMinutes, text}], quietHours:
 * {from, to}, capPerSilence, minSpacingMinutes, jitterMinutes}} (GET adds {@code source} and {@code
 * timezone}) — and a timeline preview of when each step would fire. Operators only.
 */
@Path("api/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FollowUpAdminResource {

    @Inject FollowUpAdminService service;
    @Inject JsonWebToken jwt;

    /** The policy in force ({@code source}: pack default or the tenant's own) and the time zone. */
    @GET
    @Path("{id}/followups")
    @RolesAllowed("operator")
    public JsonObject get(@PathParam("id") long id) {
        return service.get(id);
    }

    /**
     * Replaces the policy; absent fields keep their current value. The body is read as any JSON
     * value: declared as {@code JsonObject}, a number, string, array or null body failed Bean
     * Validation's parameter check with an unmapped exception (Payara's HTML 500 page).
     */
    @PUT
    @Path("{id}/followups")
    @RolesAllowed("operator")
    public JsonObject put(@PathParam("id") long id, JsonValue body) {
        if (!(body instanceof JsonObject policy)) {
            throw ApiProblem.invalidField("body", "a JSON object");
        }
        return service.put(id, policy, actor());
    }

    /** Back to the pack's default texts and the platform's defaults. */
    @DELETE
    @Path("{id}/followups")
    @RolesAllowed("operator")
    public JsonObject reset(@PathParam("id") long id) {
        return service.reset(id, actor());
    }

    /**
     * When each step would fire for a silence starting at {@code armedAt} (ISO instant; default
     * now), in the tenant's time zone and quiet hours.
     */
    @GET
    @Path("{id}/followups/timeline")
    @RolesAllowed("operator")
    public JsonObject timeline(@PathParam("id") long id, @QueryParam("armedAt") String armedAt) {
        return service.timeline(id, armedAt);
    }

    private Actor actor() {
        return Actor.operator(
                Long.parseLong(jwt.getSubject().substring("operator:".length())), jwt.getName());
    }
}
