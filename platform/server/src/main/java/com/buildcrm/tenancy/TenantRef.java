package com.buildcrm.tenancy;

/**
 * A resolved tenant: its internal id, its slug and the schema its data lives in.
 *
 * @param id internal id (the JWT's {@code tenant} claim)
 * @param slug the company code people type at login
 * @param schema the tenant's schema, generated from the id by the provisioner
 */
public record TenantRef(long id, String slug, String schema) {
    public TenantRef {
        if (schema == null || !schema.matches("t_[0-9]+")) {
            throw new IllegalArgumentException("not a tenant schema: " + schema);
        }
    }
}
