package com.buildcrm.provisioner;

/**
 * One tenant as listed by {@link TenantProvisioner#list()}.
 *
 * @param schemaVersion the tenant migration version recorded for the schema, null if never migrated
 * @param migrationError the error of the last failed migration, null if the last one succeeded
 */
public record TenantSummary(
        long id,
        String slug,
        String name,
        String schemaName,
        TenantStatus status,
        ProvisioningStep provisioningStep,
        String timezone,
        String locale,
        String pluginId,
        String schemaVersion,
        String migrationError) {}
