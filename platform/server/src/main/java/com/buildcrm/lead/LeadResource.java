package com.buildcrm.lead;

import com.buildcrm.lead.LeadViews.LeadPage;
import com.buildcrm.lead.LeadViews.LeadResponse;
import com.buildcrm.web.ApiProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Leads of the caller's company (list with cursor paging, and one lead). */
@Path("api/crm/leads")
@Produces(MediaType.APPLICATION_JSON)
public class LeadResource {

    @Inject LeadService leads;

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
}
