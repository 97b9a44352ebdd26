package com.buildcrm.inbox;

import com.buildcrm.channel.InboundEvent;
import com.buildcrm.channel.InboundWebhook;
import com.buildcrm.channel.TenantChannels;
import com.buildcrm.channel.WebhookRequest;
import com.buildcrm.web.ApiProblem;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Provider webhooks. Authenticate (URL secret or HMAC, constant time), parse to neutral events,
 * store them in the inbox with their jobs in one transaction, and only then answer 200. No AI and
 * no sending here. Unknown channel → 404, bad secret → 401, both without detail; bodies that are
 * empty, not JSON or of an unknown shape are acknowledged and never cause a 5xx.
 *
 * <p>{@code @PermitAll} on the class, not on its methods: Payara's MicroProfile JWT filter for a
 * method-level {@code @PermitAll} runs the authentication mechanism a second time on every request
 * (ADR 053).
 */
@Path("webhooks")
@PermitAll
public class WebhookResource {

    /** ChatFlow inlines media as base64: a voice note or photo can be large. */
    static final int MAX_BODY_BYTES = 25 * 1024 * 1024;

    @Inject TenantChannels channels;
    @Inject InboxService inbox;

    @POST
    @Path("chatflow/{channelKey}")
    public Response chatflow(
            @PathParam("channelKey") String key,
            @Context UriInfo uri,
            @Context HttpHeaders headers,
            InputStream body) {
        return receive("chatflow", key, uri, headers, body);
    }

    @GET
    @Path("meta/{channelKey}")
    public Response metaHandshake(@PathParam("channelKey") String key, @Context UriInfo uri) {
        Optional<TenantChannels.Connected> channel = channels.byWebhook("meta-cloud", key);
        if (channel.isEmpty()) {
            return ApiProblem.bare(404);
        }
        return channels.webhook(channel.get())
                .handshake(uri.getQueryParameters())
                .map(challenge -> Response.ok(challenge, MediaType.TEXT_PLAIN).build())
                .orElseGet(() -> ApiProblem.bare(403));
    }

    @POST
    @Path("meta/{channelKey}")
    public Response meta(
            @PathParam("channelKey") String key,
            @Context UriInfo uri,
            @Context HttpHeaders headers,
            InputStream body) {
        return receive("meta-cloud", key, uri, headers, body);
    }

    private Response receive(
            String provider, String key, UriInfo uri, HttpHeaders headers, InputStream body) {
        Optional<TenantChannels.Connected> channel = channels.byWebhook(provider, key);
        if (channel.isEmpty()) {
            return ApiProblem.bare(404);
        }
        byte[] raw;
        try {
            raw = read(body);
        } catch (IOException e) {
            return ApiProblem.bare(400);
        }
        if (raw == null) {
            return ApiProblem.bare(413);
        }
        InboundWebhook webhook = channels.webhook(channel.get());
        if (!webhook.authenticate(
                new WebhookRequest(uri.getQueryParameters(), headers.getRequestHeaders(), raw))) {
            return ApiProblem.bare(401);
        }
        List<InboundEvent> events = webhook.parse(raw);
        if (!events.isEmpty()) {
            inbox.store(channel.get().tenantId(), provider, events);
        }
        return Response.ok().build();
    }

    private static byte[] read(InputStream in) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        return bytes.length > MAX_BODY_BYTES ? null : bytes;
    }
}
