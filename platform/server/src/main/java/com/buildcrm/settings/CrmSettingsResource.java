package com.buildcrm.settings;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The company's CRM settings: whether managers see all leads or only the ones assigned to them. */
@Path("api/crm/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CrmSettingsResource {

    public record CrmSettingsResponse(boolean managersSeeAll) {}

    /** Request classes use annotated fields: see {@code AuthRequests} for why not records. */
    public static final class UpdateCrmSettingsRequest {
        @NotNull public Boolean managersSeeAll;
    }

    @Inject CrmSettingsService settings;

    @GET
    @RolesAllowed({"owner", "rop", "manager"})
    public CrmSettingsResponse get() {
        return new CrmSettingsResponse(settings.managersSeeAll());
    }

    @PATCH
    @RolesAllowed({"owner", "rop"})
    public CrmSettingsResponse update(@Valid @NotNull UpdateCrmSettingsRequest request) {
        return new CrmSettingsResponse(settings.changeManagersSeeAll(request.managersSeeAll));
    }
}
