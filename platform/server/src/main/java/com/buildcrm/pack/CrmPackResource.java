package com.buildcrm.pack;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The company's industry pack as the CRM needs it: the qualification fields to show and edit. */
@Path("api/crm/pack")
@Produces(MediaType.APPLICATION_JSON)
public class CrmPackResource {

    @Inject TenantPacks packs;

    @GET
    @RolesAllowed({"owner", "rop", "manager"})
    public TenantPacks.TenantPackResponse get() {
        return packs.current();
    }
}
