package com.buildcrm.provisioner;

/**
 * The provisioning steps in order. {@code platform.tenants.provisioning_step} holds the last one
 * that completed, so a stopped or failed provisioning resumes right after it.
 */
public enum ProvisioningStep {
    /** The platform row exists: id, slug and schema name are fixed. */
    REGISTERED,
    /** The tenant schema {@code t_<id>} exists (empty). */
    SCHEMA_CREATED,
    /** Flyway brought the schema to the latest tenant migration; the version is recorded. */
    MIGRATED,
    /** The default stages and the owner user exist. */
    SEEDED,
    /** The tenant is ACTIVE. */
    ACTIVE;

    boolean isAtLeast(ProvisioningStep other) {
        return compareTo(other) >= 0;
    }
}
