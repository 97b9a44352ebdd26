package com.buildcrm.push;

import com.buildcrm.web.ApiProblem;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

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
    @Operation(
            summary = "The VAPID public key for PushManager.subscribe",
            description =
                    "publicKey: base64url of the uncompressed P-256 point (65 bytes), the applicationServerKey.")
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
    @Operation(
            summary = "Saves this browser's push subscription for the current user",
            description =
                    "Body: PushSubscription.toJSON() {endpoint, expirationTime?, keys: {p256dh, auth}}. 201. The same endpoint again replaces it and moves it to the current user. 400 problem naming endpoint (https, public host), keys.p256dh (65-byte P-256 point) or keys.auth (16 bytes).")
    public Response subscribe(
            @Valid @NotNull PushRequests.SubscribeRequest request,
            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        subscriptions.subscribe(request, userAgent);
        return Response.status(Response.Status.CREATED).build();
    }

    /**
     * Forgets a subscription of the current user (204, also when there is none). The endpoint comes
     * as {@code ?endpoint=} (URL-encoded), never as a body: Payara's HTTP layer does not read the
     * body of a DELETE.
     */
    @DELETE
    @Path("subscriptions")
    @RolesAllowed({"owner", "rop", "manager"})
    @Operation(
            summary = "Forgets a push subscription of the current user",
            description =
                    "?endpoint=<URL-encoded endpoint>; no body. 204, also when there was none; 400"
                            + " without an endpoint.")
    public Response unsubscribe(
            @QueryParam("endpoint") @Parameter(description = "The subscription's endpoint URL")
                    String endpoint) {
        if (endpoint == null || endpoint.isBlank() || endpoint.length() > 2048) {
            throw ApiProblem.invalidField("endpoint", "the subscription's endpoint URL");
        }
        subscriptions.unsubscribe(endpoint);
        return Response.noContent().build();
    }

    @GET
    @Path("preferences")
    @RolesAllowed({"owner", "rop", "manager"})
    @Operation(
            summary = "What the current user wants pushed",
            description = "{assigned, clientWaiting, callSoon, hotLead}: all true until changed.")
    public PreferencesResponse preferences() {
        return subscriptions.preferences();
    }

    @PUT
    @Path("preferences")
    @RolesAllowed({"owner", "rop", "manager"})
    @Operation(
            summary = "Changes what the current user wants pushed",
            description = "All four booleans are required.")
    public PreferencesResponse savePreferences(
            @Valid @NotNull PushRequests.PreferencesRequest request) {
        return subscriptions.savePreferences(request);
    }
}
