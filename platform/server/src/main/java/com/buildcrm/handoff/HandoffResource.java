package com.buildcrm.handoff;

import com.buildcrm.lead.LeadViews.LeadResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Take over / return to AI (API.md). Same root path as the other lead resources. */
@Path("api/crm/leads")
@Produces(MediaType.APPLICATION_JSON)
public class HandoffResource {

    @Inject Handoffs handoffs;

    /** The current user leads the conversation from now on; the AI and its follow-ups stop. */
    @POST
    @Path("{id}/takeover")
    @RolesAllowed({"owner", "rop", "manager"})
    public LeadResponse takeOver(@PathParam("id") long id) {
        return handoffs.takeOver(id);
    }

    /** The AI leads again: it answers the next client message and sends nothing by itself now. */
    @POST
    @Path("{id}/return-to-ai")
    @RolesAllowed({"owner", "rop", "manager"})
    public LeadResponse returnToAi(@PathParam("id") long id) {
        return handoffs.returnToAi(id);
    }
}
