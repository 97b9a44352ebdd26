package com.buildcrm.settings;

import com.buildcrm.tenancy.TenantData;
import com.buildcrm.web.ApiProblem;
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
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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

    @Inject TenantData data;
    @Inject Clock clock;

    @GET
    @RolesAllowed({"owner", "rop", "manager"})
    public CrmSettingsResponse get() {
        return data.tx(em -> new CrmSettingsResponse(find(em).managersSeeAll()));
    }

    @PATCH
    @RolesAllowed({"owner", "rop"})
    public CrmSettingsResponse update(@Valid @NotNull UpdateCrmSettingsRequest request) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return data.tx(
                em -> {
                    CrmSettings settings = find(em);
                    settings.changeManagersSeeAll(request.managersSeeAll, now);
                    return new CrmSettingsResponse(settings.managersSeeAll());
                });
    }

    private static CrmSettings find(jakarta.persistence.EntityManager em) {
        CrmSettings settings = em.find(CrmSettings.class, CrmSettings.SINGLETON);
        if (settings == null) {
            throw ApiProblem.notFound("CRM settings");
        }
        return settings;
    }
}
