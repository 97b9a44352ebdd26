package com.buildcrm.conversation;

import com.buildcrm.conversation.ConversationService.MessageResponse;
import com.buildcrm.template.TemplateApi.WindowView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A lead's WhatsApp customer-service window (ADR 035): whether a free text can go now (Meta's Cloud
 * API: within 24 h of the client's last message) and, past it, the approved template the manager
 * can send instead.
 */
@Path("api/crm/leads/{id}/whatsapp-window")
@Produces(MediaType.APPLICATION_JSON)
public class LeadWindowResource {

    @Inject ConversationService conversations;

    /**
     * {@code {state: NONE|OPEN|CLOSED, closesAt, freeText, template: {name, language, preview}}}
     */
    @GET
    @RolesAllowed({"owner", "rop", "manager"})
    public WindowView window(@PathParam("id") long leadId) {
        return conversations.window(leadId);
    }

    /**
     * Sends the {@code reopen} template through the outbox as the current user (taking the lead
     * over, as any message of a person does); 409 when none is registered or it cannot be filled.
     */
    @POST
    @Path("template")
    @RolesAllowed({"owner", "rop", "manager"})
    public Response sendTemplate(@PathParam("id") long leadId) {
        MessageResponse sent = conversations.sendReopenTemplate(leadId);
        return Response.status(Response.Status.CREATED).entity(sent).build();
    }
}
