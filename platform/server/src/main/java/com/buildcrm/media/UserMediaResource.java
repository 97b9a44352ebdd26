package com.buildcrm.media;

import com.buildcrm.media.MediaUploads.UploadedMedia;
import com.buildcrm.tenancy.TenantData;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A business user uploads a file to send to a client (photo, document, voice). */
@Path("api/crm/media")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.MULTIPART_FORM_DATA)
public class UserMediaResource {

    @Inject MediaUploads uploads;
    @Inject TenantData data;

    @POST
    @RolesAllowed({"owner", "rop", "manager"})
    public Response upload(@FormParam("file") EntityPart file) {
        UploadedMedia media = uploads.upload(data.tenant().id(), file);
        return Response.status(Response.Status.CREATED).entity(media).build();
    }
}
