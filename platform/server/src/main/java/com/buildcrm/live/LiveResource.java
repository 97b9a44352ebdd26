package com.buildcrm.live;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Live updates for the CRM's screens as Server-Sent Events. */
@Path("api/crm/events")
public class LiveResource {

    @Inject LiveAccess access;
    @Inject LiveHub hub;

    /**
     * {@code @PermitAll} because the token may come as a query parameter, which MicroProfile JWT
     * does not read: {@link LiveAccess} checks it (401 without a valid token, 403 for an operator).
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @PermitAll
    @Operation(
            summary = "Server-Sent Events for the current user (owner, ROP, manager)",
            description =
                    "Token: `Authorization: Bearer …`, or `?access_token=…` for EventSource (which"
                            + " cannot send headers); an operator token gets 403. Each event: `id:`"
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
            @QueryParam("access_token")
                    @Parameter(description = "the access token, for EventSource")
                    String accessToken,
            @HeaderParam("Last-Event-ID") @Parameter(description = "the last event id received")
                    String lastEventId) {
        LiveViewer viewer = access.authenticate(authorization, accessToken);
        hub.subscribe(new LiveStream(viewer, sink, sse), lastEventId);
    }
}
