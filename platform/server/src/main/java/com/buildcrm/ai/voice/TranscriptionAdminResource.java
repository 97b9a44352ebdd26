package com.buildcrm.ai.voice;

import com.buildcrm.audit.AuditLog.Actor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Global Admin: the platform-wide speech-to-text endpoint for clients' voice notes (ADR 033). */
@Path("api/admin/transcription")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TranscriptionAdminResource {

    @Inject TranscriptionAdminService service;
    @Inject JsonWebToken jwt;

    @GET
    @RolesAllowed("operator")
    @Operation(
            summary = "The platform-wide transcription endpoint",
            description =
                    "An OpenAI-compatible `POST {baseUrl}/audio/transcriptions` used for every"
                            + " company without its own. The key is write-only: only `apiKeySet`"
                            + " says whether one is stored.")
    public TranscriptionAdminService.PlatformView get() {
        return service.platform();
    }

    @PUT
    @RolesAllowed("operator")
    @Operation(
            summary = "Set or remove the platform-wide transcription endpoint",
            description =
                    "`baseUrl` (http/https) and `model` set the endpoint; both blank remove it (voice"
                            + " notes then stay untranscribed and the AI asks the client to write)."
                            + " `apiKey` is write-only: absent, blank or the mask keeps the stored"
                            + " key, a new `baseUrl` without a key drops it, `clearApiKey` removes"
                            + " it. Invalid input: 400 naming the field, nothing changes.")
    public TranscriptionAdminService.PlatformView put(
            @Valid @NotNull TranscriptionRequests.EndpointRequest request) {
        return service.savePlatform(request, actor(jwt));
    }

    static Actor actor(JsonWebToken jwt) {
        return Actor.operator(
                Long.parseLong(jwt.getSubject().substring("operator:".length())), jwt.getName());
    }
}
