package com.buildcrm.push;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Web Push for the signed-in user (any CRM role, each for themselves): the server's VAPID key, this
 * device's subscription, and what to be told about.
 */
@Path("api/crm/push")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PushResource {

    /** The VAPID public key: base64url of the uncompressed P-256 point. */
    public record KeyResponse(String publicKey) {}

    /** What the user wants pushed (all true until changed). */
    public record PreferencesResponse(
            boolean assigned, boolean clientWaiting, boolean callSoon, boolean hotLead) {}

    @Inject VapidKeyStore keys;
    @Inject PushSubscriptions subscriptions;

    /** The key for {@code PushManager.subscribe({applicationServerKey})}. */
    @GET
    @Path("key")
    @RolesAllowed({"owner", "rop", "manager"})
    public KeyResponse key() {
        return new KeyResponse(keys.publicKey());
    }

    /**
     * Saves this browser's subscription for the current user (201). The same endpoint again
     * replaces the keys and moves it to whoever subscribes it now. The endpoint must be https; the
     * keys must be a 65-byte P-256 point and a 16-byte secret (400 naming the field otherwise).
     */
    @POST
    @Path("subscriptions")
    @RolesAllowed({"owner", "rop", "manager"})
    public Response subscribe(
            @Valid @NotNull PushRequests.SubscribeRequest request,
            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        subscriptions.subscribe(request, userAgent);
        return Response.status(Response.Status.CREATED).build();
    }

    /** Forgets a subscription of the current user (204, also when there is none). */
    @DELETE
    @Path("subscriptions")
    @RolesAllowed({"owner", "rop", "manager"})
    public Response unsubscribe(@Valid @NotNull PushRequests.UnsubscribeRequest request) {
        subscriptions.unsubscribe(request.endpoint);
        return Response.noContent().build();
    }

    @GET
    @Path("preferences")
    @RolesAllowed({"owner", "rop", "manager"})
    public PreferencesResponse preferences() {
        return subscriptions.preferences();
    }

    @PUT
    @Path("preferences")
    @RolesAllowed({"owner", "rop", "manager"})
    public PreferencesResponse savePreferences(
            @Valid @NotNull PushRequests.PreferencesRequest request) {
        return subscriptions.savePreferences(request);
    }
}
