package com.buildcrm.tenant;

import com.buildcrm.audit.AuditLog.Actor;
import com.buildcrm.tenant.TenantAdminService.TenantPage;
import com.buildcrm.tenant.TenantRequests.CreateTenantRequest;
import com.buildcrm.tenant.TenantRequests.TenantResponse;
import com.buildcrm.web.ApiProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Global Admin: the operator creates and runs client companies. Operators only. */
@Path("api/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantAdminResource {

    @Inject TenantAdminService service;
    @Inject TenantArchiveService archives;
    @Inject JsonWebToken jwt;

    @POST
    @RolesAllowed("operator")
    public Response create(
            @Valid @NotNull CreateTenantRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        TenantResponse created = service.create(request, actor());
        return Response.created(
                        uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed("operator")
    @Operation(
            summary = "Companies, newest first",
            description =
                    "Optionally searched (`q`: part of the code, the name or the owner's email,"
                            + " any case) and paged (`limit` 1–200, `offset`); without `limit`"
                            + " every matching company. `X-Total-Count` holds how many match.")
    @APIResponse(
            responseCode = "200",
            description = "The page",
            headers =
                    @org.eclipse.microprofile.openapi.annotations.headers.Header(
                            name = "X-Total-Count",
                            description = "companies matching q, before paging",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = TenantResponse.class)))
    public Response list(
            @QueryParam("q") @Parameter(description = "search text") String q,
            @QueryParam("limit")
                    @Parameter(
                            description = "page size, 1–200",
                            schema = @Schema(type = SchemaType.INTEGER))
                    String limit,
            @QueryParam("offset")
                    @Parameter(
                            description = "rows to skip, 0 or more",
                            schema = @Schema(type = SchemaType.INTEGER))
                    String offset) {
        TenantPage page =
                service.list(
                        q,
                        limit == null ? null : whole("limit", limit),
                        offset == null ? 0 : whole("offset", offset));
        return Response.ok(page.items()).header("X-Total-Count", page.total()).build();
    }

    /** A paging parameter as a number; text that is not one is a 400 naming the field. */
    private static int whole(String field, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField(field, "a whole number");
        }
    }

    @GET
    @Path("{id}")
    @RolesAllowed("operator")
    public TenantResponse get(@PathParam("id") long id) {
        return service.get(id);
    }

    @POST
    @Path("{id}/suspend")
    @RolesAllowed("operator")
    public TenantResponse suspend(@PathParam("id") long id) {
        return service.suspend(id, actor());
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed("operator")
    public TenantResponse resume(@PathParam("id") long id) {
        return service.resume(id, actor());
    }

    @POST
    @Path("{id}/export")
    @RolesAllowed("operator")
    @Produces({"application/zip", "application/problem+json"})
    @Operation(
            summary = "The company as one archive (zip)",
            description =
                    "Every table of its schema (with the schema's version), its platform rows"
                            + " (channel and LLM secrets left out) and its media files; import it"
                            + " with POST /api/admin/tenants/import or the provisioner CLI."
                            + " Audited as tenant.export.")
    @APIResponse(
            responseCode = "200",
            description = "The archive",
            content = @Content(mediaType = "application/zip"))
    public Response export(@PathParam("id") long id) {
        TenantResponse tenant = archives.exportable(id);
        Actor actor = actor();
        StreamingOutput body = out -> archives.export(tenant, out, actor);
        return Response.ok(body, "application/zip")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"buildcrm-" + tenant.slug() + ".zip\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("import")
    @RolesAllowed("operator")
    // any body type reaches the method, so that the role check answers first (401/403 before 415:
    // a caller without a token learns nothing about the route); the type is checked below
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "A new company from an archive",
            description =
                    "All or nothing: a corrupt, truncated or foreign archive is 400 (field"
                            + " `archive`) and nothing is written. `slug` defaults to the"
                            + " exported one; a taken one is 409. Users sign in with their"
                            + " passwords; channel and LLM secrets are entered again. Audited as"
                            + " tenant.import.")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
            required = true,
            content = @Content(mediaType = "application/zip"))
    public Response importArchive(
            InputStream archive,
            @QueryParam("slug") @Parameter(description = "the new company's code") String slug,
            @jakarta.ws.rs.core.Context HttpHeaders headers,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        MediaType type = headers.getMediaType();
        if (type == null
                || !(type.isCompatible(new MediaType("application", "zip"))
                        || type.isCompatible(MediaType.APPLICATION_OCTET_STREAM_TYPE))) {
            throw new ApiProblem(
                    415,
                    "unsupported-media-type",
                    "Unsupported Media Type",
                    "The body must be application/zip (a tenant archive)",
                    null,
                    null);
        }
        TenantResponse created = archives.importArchive(archive, slug, actor());
        return Response.created(
                        uri.getBaseUriBuilder()
                                .path("api/admin/tenants")
                                .path(Long.toString(created.id()))
                                .build())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(created)
                .build();
    }

    private Actor actor() {
        return Actor.operator(
                Long.parseLong(jwt.getSubject().substring("operator:".length())), jwt.getName());
    }
}
