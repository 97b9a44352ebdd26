package com.buildcrm.settings;

import com.buildcrm.tenancy.EntityManagers;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/** Tenant-wide CRM settings (one row per tenant schema), edited by the owner and the ROP. */
@Entity
@Table(name = "crm_settings")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(
        type = TenantTableDiscriminatorType.SCHEMA,
        contextProperty = EntityManagers.TENANT_SCHEMA_PROPERTY)
public class CrmSettings {

    /** The single row's key. */
    public static final boolean SINGLETON = true;

    @Id private Boolean id;

    @Column(name = "managers_see_all")
    private boolean managersSeeAll;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected CrmSettings() {}

    /** Whether managers see every lead, or only the leads assigned to them. */
    public boolean managersSeeAll() {
        return managersSeeAll;
    }

    public void changeManagersSeeAll(boolean value, OffsetDateTime now) {
        this.managersSeeAll = value;
        this.updatedAt = now;
    }
}
