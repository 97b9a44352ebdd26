package com.buildcrm.provisioner;

/**
 * What {@link TenantProvisioner#create(NewTenant)} did.
 *
 * @param tenantId the internal id (also in the schema name)
 * @param slug the tenant's slug
 * @param schemaName {@code t_<tenantId>}
 * @param status the tenant's status after the call
 * @param outcome whether the tenant was created, resumed or already existed
 */
public record ProvisionResult(
        long tenantId, String slug, String schemaName, TenantStatus status, Outcome outcome) {

    /** How a create call related to what was already in the database. */
    public enum Outcome {
        /** A new tenant was registered and fully provisioned. */
        CREATED,
        /** An unfinished provisioning (PROVISIONING or FAILED) was completed from its last step. */
        RESUMED,
        /** The slug belongs to an ACTIVE or SUSPENDED tenant; nothing was changed. */
        ALREADY_EXISTS
    }
}
