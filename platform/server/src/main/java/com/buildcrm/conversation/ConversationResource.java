package com.buildcrm.conversation;

import com.buildcrm.conversation.ConversationService.MessagePage;
import com.buildcrm.conversation.ConversationService.MessageResponse;
import com.buildcrm.web.ApiProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The WhatsApp conversation of one lead. */
@Path("api/crm/leads/{id}/messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConversationResource {

    /** Request classes use annotated fields: see {@code AuthRequests} for why not records. */
    public static final class SendMessageRequest {
        @Size(max = 4000)
        public String text;

        /** A file uploaded with {@code POST /api/crm/media}; the text becomes its caption. */
        @Size(max = 64)
        public String mediaId;
    }

    @Inject ConversationService conversations;

    @GET
    @RolesAllowed({"owner", "rop", "manager"})
    public MessagePage history(
            @PathParam("id") long leadId,
            @QueryParam("before") String before,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        Long beforeId = null;
        if (before != null && !before.isBlank()) {
            try {
                beforeId = Long.parseLong(before);
            } catch (NumberFormatException e) {
                throw ApiProblem.invalidField("before", "not a cursor returned by this endpoint");
            }
        }
        return conversations.history(leadId, beforeId, limit);
    }

    @POST
    @RolesAllowed({"owner", "rop", "manager"})
    public Response send(@PathParam("id") long leadId, @Valid @NotNull SendMessageRequest request) {
        boolean noText = request.text == null || request.text.isBlank();
        if (noText && (request.mediaId == null || request.mediaId.isBlank())) {
            throw ApiProblem.invalidField("text", "write a text or attach a file (mediaId)");
        }
        MessageResponse sent =
                request.mediaId == null || request.mediaId.isBlank()
                        ? conversations.sendText(leadId, request.text.strip())
                        : conversations.sendMedia(
                                leadId, request.mediaId, noText ? null : request.text.strip());
        return Response.status(Response.Status.CREATED).entity(sent).build();
    }
}
