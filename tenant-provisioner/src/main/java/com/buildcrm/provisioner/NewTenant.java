package com.buildcrm.provisioner;

/**
 * A request to create a tenant. {@code timezone}, {@code locale} and {@code pluginId} may be null
 * for the defaults ({@value TenantProvisioner#DEFAULT_TIMEZONE}, {@value
 * TenantProvisioner#DEFAULT_LOCALE}, {@value TenantProvisioner#DEFAULT_PLUGIN_ID}).
 *
 * @param slug URL-safe identifier chosen by the operator, {@code
 *     ^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$}
 * @param name display name of the tenant (company)
 * @param timezone an IANA time zone id, e.g. {@code Asia/Almaty}
 * @param locale {@code ru}, {@code en} or {@code kk}; also the language of the seeded stage names
 * @param pluginId the industry pack (PF4J plugin id) the tenant uses
 * @param owner the first user of the tenant, with role {@code owner}
 */
public record NewTenant(
        String slug,
        String name,
        String timezone,
        String locale,
        String pluginId,
        NewOwner owner) {}
