package com.buildcrm.media;

import com.buildcrm.media.MediaUploads.UploadedMedia;
import com.buildcrm.tenancy.TenantDirectory;
import com.buildcrm.web.ApiProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The operator uploads media for a tenant (greeting albums, voice). */
@Path("api/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.MULTIPART_FORM_DATA)
public class TenantMediaResource {

    @Inject MediaUploads uploads;
    @Inject TenantDirectory directory;

    @POST
    @Path("{id}/media")
    @RolesAllowed("operator")
    public Response operatorUpload(
            @PathParam("id") long tenantId, @FormParam("file") EntityPart file) {
        if (!directory.exists(tenantId)) {
            throw ApiProblem.notFound("Tenant " + tenantId);
        }
        UploadedMedia media = uploads.upload(tenantId, file);
        return Response.status(Response.Status.CREATED).entity(media).build();
    }
}
