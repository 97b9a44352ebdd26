package com.buildcrm.ai.voice;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Global Admin: a company's own transcription endpoint, or none (ADR 033). Same root path as the
 * other tenant sub-resources (Jersey merges them).
 */
@Path("api/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantTranscriptionResource {

    @Inject TranscriptionAdminService service;
    @Inject JsonWebToken jwt;

    @GET
    @Path("{id}/transcription")
    @RolesAllowed("operator")
    @Operation(
            summary = "A company's transcription setting",
            description =
                    "`mode` DEFAULT (the platform's endpoint), OWN or OFF; `effective` says where its"
                            + " voice notes go now (`source` TENANT, PLATFORM or NONE). The key is"
                            + " write-only: only `apiKeySet`.")
    public TranscriptionAdminService.TenantView get(@PathParam("id") long id) {
        return service.tenant(id);
    }

    @PUT
    @Path("{id}/transcription")
    @RolesAllowed("operator")
    @Operation(
            summary = "Set a company's transcription setting",
            description =
                    "`mode` DEFAULT, OWN (needs `baseUrl` http/https and `model`; absent fields keep"
                            + " their value) or OFF. `apiKey` is write-only: absent, blank or the"
                            + " mask keeps the stored key, a new `baseUrl` without a key drops it,"
                            + " `clearApiKey` removes it; DEFAULT and OFF forget the company's own"
                            + " endpoint and key. Invalid input: 400 naming the field, nothing"
                            + " changes; an unknown company: 404.")
    public TranscriptionAdminService.TenantView put(
            @PathParam("id") long id,
            @Valid @NotNull TranscriptionRequests.TenantEndpointRequest request) {
        return service.saveTenant(id, request, TranscriptionAdminResource.actor(jwt));
    }
}
