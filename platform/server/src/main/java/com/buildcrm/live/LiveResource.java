package com.buildcrm.live;

import com.buildcrm.identity.AccessTokens;
import com.buildcrm.tenancy.TenantContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Live updates for the CRM's screens as Server-Sent Events. */
@Path("api/crm/events")
public class LiveResource {

    /** A one-time ticket for {@code GET /api/crm/events?ticket=…}. */
    public record Ticket(String ticket, long expiresIn) {}

    @Inject LiveAccess access;
    @Inject LiveHub hub;
    @Inject LiveTickets tickets;
    @Inject JsonWebToken jwt;
    @Inject TenantContext tenant;

    /**
     * {@code @PermitAll} because a ticket, which MicroProfile JWT does not know, may open the
     * stream: {@link LiveAccess} checks the header or the ticket (401 without either, 403 for an
     * operator).
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @PermitAll
    @Operation(
            summary = "Server-Sent Events for the current user (owner, ROP, manager)",
            description =
                    "Authentication: `Authorization: Bearer …`, or `?ticket=…` from `POST"
                            + " /api/crm/events/ticket` (for EventSource, which cannot send"
                            + " headers; one use, 30 s). An access token in the URL is refused;"
                            + " an operator token gets 403. Each event: `id:`"
                            + " (opaque), `event:` the type (lead.created, lead.updated, lead.handoff,"
                            + " message.created, message.status), `data:` JSON `{type, leadId, messageId,"
                            + " at}`. A manager who sees only assigned leads gets only their events."
                            + " Reconnect with `Last-Event-ID`: missed events of the last 10 minutes"
                            + " are replayed; otherwise `event: resync` tells the client to refetch."
                            + " A comment line every 15 s keeps the stream alive; the stream ends when"
                            + " the access token expires (reconnect with a fresh one).")
    public void events(
            @Context SseEventSink sink,
            @Context Sse sse,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("ticket") @Parameter(description = "a one-time ticket") String ticket,
            @HeaderParam("Last-Event-ID") @Parameter(description = "the last event id received")
                    String lastEventId) {
        LiveViewer viewer =
                ticket != null && !ticket.isBlank()
                        ? access.redeem(ticket)
                        : access.authenticate(authorization);
        hub.subscribe(new LiveStream(viewer, sink, sse), lastEventId);
    }

    @POST
    @Path("ticket")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"owner", "rop", "manager"})
    @Operation(
            summary = "A one-time ticket that opens the event stream",
            description =
                    "Valid for 30 s and for one `GET /api/crm/events?ticket=…`; the stream it"
                            + " opens ends when this request's access token expires.")
    public Ticket ticket() {
        long tenantId = tenant.require().id();
        long userId = tenant.requireUserId();
        String role = tenant.requireRole();
        Instant accessExpiresAt = Instant.ofEpochSecond(jwt.getExpirationTime());
        Object sessionClaim = jwt.getClaim(AccessTokens.SESSION_CLAIM);
        String session = sessionClaim == null ? null : String.valueOf(sessionClaim);
        // the holder must be allowed now (an active user of an active company, a business role,
        // a session not ended)
        access.viewer(tenantId, userId, role, accessExpiresAt, session);
        return new Ticket(
                tickets.issue(tenantId, userId, role, accessExpiresAt, session),
                LiveTickets.TTL.toSeconds());
    }
}
