package com.buildcrm.lead;

import com.buildcrm.lead.LeadViews.LeadPage;
import com.buildcrm.lead.LeadViews.LeadResponse;
import com.buildcrm.web.ApiProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Leads of the caller's company (list with cursor paging, and one lead). */
@Path("api/crm/leads")
@Produces(MediaType.APPLICATION_JSON)
public class LeadResource {

    @Inject LeadService leads;
    @Inject LeadEdits edits;

    @GET
    @RolesAllowed({"owner", "rop", "manager"})
    public LeadPage list(
            @QueryParam("stage") Long stage,
            @QueryParam("q") String q,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        Long after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw ApiProblem.invalidField("cursor", "not a cursor returned by this endpoint");
            }
        }
        return leads.list(stage, q, after, limit);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"owner", "rop", "manager"})
    public LeadResponse get(@PathParam("id") long id) {
        return leads.get(id);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"owner", "rop", "manager"})
    public LeadResponse patch(@PathParam("id") long id, @Valid @NotNull LeadEdits.LeadPatch patch) {
        return edits.patch(id, patch);
    }

    /** The lead's history, newest first: stage moves, score changes, fields, handoffs, edits. */
    @GET
    @Path("{id}/events")
    @RolesAllowed({"owner", "rop", "manager"})
    public List<LeadJson.EventView> events(
            @PathParam("id") long id,
            @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return edits.events(id, before, limit);
    }
}
