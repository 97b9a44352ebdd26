package com.buildcrm.pack;

import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.tenancy.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The calling business user's tenant pack, as the CRM renders it (qualification fields). */
@ApplicationScoped
public class TenantPacks {

    /** The tenant's pack: id, names and its qualification fields in asking order. */
    public record TenantPackResponse(
            String id, String nameRu, String nameEn, List<PackResponse.FieldResponse> fields) {}

    @Inject TenantData data;
    @Inject PackHost packs;

    public TenantPackResponse current() {
        long tenantId = data.tenant().id();
        String packId =
                data.tx(
                        em ->
                                (String)
                                        em.createNativeQuery(
                                                        "SELECT plugin_id FROM platform.tenants WHERE id = ?1")
                                                .setParameter(1, tenantId)
                                                .getSingleResult());
        IndustryPack pack = packs.packFor(packId);
        return new TenantPackResponse(
                pack.descriptor().id(),
                pack.descriptor().nameRu(),
                pack.descriptor().nameEn(),
                pack.qualificationSchema().stream().map(PackResponse.FieldResponse::of).toList());
    }
}
