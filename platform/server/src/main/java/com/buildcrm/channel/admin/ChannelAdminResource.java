package com.buildcrm.channel.admin;

import com.buildcrm.audit.AuditLog.Actor;
import com.buildcrm.channel.TenantChannels;
import com.buildcrm.conversation.ConversationService.MessageResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Global Admin: a tenant's WhatsApp channel (secrets write-only) and its sandbox. Operators only.
 */
@Path("api/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChannelAdminResource {

    /** Request classes use annotated fields: see {@code AuthRequests} for why not records. */
    public static final class ChannelRequest {
        @NotBlank
        @Size(max = 20)
        public String provider;

        public Map<String, String> settings;
    }

    public static final class ChannelTestRequest {
        @Size(max = 40)
        public String phone;

        @Size(max = 1000)
        public String text;
    }

    public static final class SandboxMessageRequest {
        @NotBlank
        @Size(max = 40)
        public String phone;

        @Size(max = 200)
        public String name;

        @NotBlank
        @Size(max = 4000)
        public String text;
    }

    @Inject ChannelAdminService service;
    @Inject SandboxLeads sandboxLeads;
    @Inject JsonWebToken jwt;

    @PUT
    @Path("{id}/channel")
    @RolesAllowed("operator")
    public TenantChannels.View configure(
            @PathParam("id") long id, @Valid @NotNull ChannelRequest request) {
        return service.configure(id, request.provider, request.settings, actor());
    }

    @GET
    @Path("{id}/channel")
    @RolesAllowed("operator")
    public TenantChannels.View get(@PathParam("id") long id) {
        return service.view(id);
    }

    @POST
    @Path("{id}/channel/test")
    @RolesAllowed("operator")
    public ChannelAdminService.TestResult test(
            @PathParam("id") long id, ChannelTestRequest request) {
        ChannelTestRequest r = request == null ? new ChannelTestRequest() : request;
        return service.test(id, r.phone, r.text, actor());
    }

    @POST
    @Path("{id}/channel/rotate-secret")
    @RolesAllowed("operator")
    public TenantChannels.View rotate(@PathParam("id") long id) {
        return service.rotate(id, actor());
    }

    @POST
    @Path("{id}/sandbox/messages")
    @RolesAllowed("operator")
    public Response sandboxMessage(
            @PathParam("id") long id, @Valid @NotNull SandboxMessageRequest request) {
        service.sandboxMessage(id, request.phone, request.name, request.text);
        return Response.accepted().build();
    }

    @GET
    @Path("{id}/sandbox/chats/{phone}")
    @RolesAllowed("operator")
    public List<MessageResponse> sandboxChat(
            @PathParam("id") long id, @PathParam("phone") String phone) {
        return service.sandboxChat(id, phone);
    }

    /** The lead behind a sandbox chat: fields, stage, score (404 until the lead has written). */
    @GET
    @Path("{id}/sandbox/leads/{phone}")
    @RolesAllowed("operator")
    public com.buildcrm.lead.LeadViews.LeadResponse sandboxLead(
            @PathParam("id") long id, @PathParam("phone") String phone) {
        return sandboxLeads.byPhone(id, phone);
    }

    private Actor actor() {
        return Actor.operator(
                Long.parseLong(jwt.getSubject().substring("operator:".length())), jwt.getName());
    }
}
