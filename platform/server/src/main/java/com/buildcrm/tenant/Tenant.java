package com.buildcrm.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A client company (platform schema). Created only by the provisioner. */
@Entity
@Table(schema = "platform", name = "tenants")
public class Tenant {

    @Id private Long id;

    private String slug;
    private String name;

    @Enumerated(EnumType.STRING)
    private TenantStatus status;

    @Column(name = "provisioning_step")
    private String provisioningStep;

    private String timezone;
    private String locale;

    @Column(name = "plugin_id")
    private String pluginId;

    @Column(name = "schema_name")
    private String schemaName;

    @Column(name = "owner_name")
    private String ownerName;

    @Column(name = "owner_email")
    private String ownerEmail;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected Tenant() {}

    public void suspend(OffsetDateTime now) {
        status = status.suspend();
        updatedAt = now;
    }

    public void resume(OffsetDateTime now) {
        status = status.resume();
        updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public TenantStatus status() {
        return status;
    }

    public String provisioningStep() {
        return provisioningStep;
    }

    public String timezone() {
        return timezone;
    }

    public String locale() {
        return locale;
    }

    public String pluginId() {
        return pluginId;
    }

    public String ownerName() {
        return ownerName;
    }

    public String ownerEmail() {
        return ownerEmail;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
