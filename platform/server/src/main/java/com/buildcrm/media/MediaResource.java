package com.buildcrm.media;

import com.buildcrm.web.ApiProblem;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Tenant media at signed, expiring URLs: how the CRM plays a voice note and how ChatFlow downloads
 * what we send. No token — the signature is the permission; anything wrong answers 404.
 *
 * <p>{@code @PermitAll} on the class, not on its methods: Payara's MicroProfile JWT filter for a
 * method-level {@code @PermitAll} runs the authentication mechanism a second time on every request
 * (ADR 053).
 */
@Path("media")
@PermitAll
public class MediaResource {

    @Inject MediaStore store;
    @Inject SignedUrls urls;

    @GET
    @Path("{tenantId}/{mediaId}")
    @Operation(summary = "A stored media file, by a signed URL that expires")
    public Response get(
            @PathParam("tenantId") String tenantId,
            @PathParam("mediaId") String mediaId,
            @QueryParam("exp") String exp,
            @QueryParam("sig") String sig) {
        if (exp == null || sig == null || !urls.verify(tenantId, mediaId, exp, sig)) {
            return ApiProblem.bare(404);
        }
        Optional<MediaContent> content = store.open(tenantId, mediaId);
        if (content.isEmpty()) {
            return ApiProblem.bare(404);
        }
        MediaContent media = content.get();
        StreamingOutput body =
                out -> {
                    try (MediaContent c = media) {
                        c.stream().transferTo(out);
                    }
                };
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(3600);
        StoredMedia stored = media.media();
        // the exact type, never sniffed; only pictures are shown in place, anything else is a
        // download when opened directly; and should a browser render it anyway, it runs nothing
        String disposition =
                stored.format().kind() == MediaFormat.Kind.IMAGE
                        ? "inline"
                        : "attachment; filename=\""
                                + stored.id()
                                + "."
                                + stored.format().extension()
                                + "\"";
        return Response.ok(body, stored.mimeType())
                .header("Content-Length", stored.size())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", disposition)
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(cache)
                .build();
    }
}
