package com.buildcrm.provisioner;

import java.util.regex.Pattern;

/**
 * Tenant schema names. They come only from the internal tenant id ({@code t_<id>}) and are
 * validated again before every use in SQL, so no user input can reach DDL.
 */
final class TenantSchema {

    private static final Pattern NAME = Pattern.compile("^t_[0-9]{1,18}$");

    private TenantSchema() {}

    static String nameFor(long tenantId) {
        if (tenantId <= 0) {
            throw new IllegalArgumentException("tenant id must be positive: " + tenantId);
        }
        return "t_" + tenantId;
    }

    /** Returns the name unchanged if it is a tenant schema name, otherwise throws. */
    static String checked(String schemaName) {
        if (schemaName == null || !NAME.matcher(schemaName).matches()) {
            throw new IllegalArgumentException("not a tenant schema name: " + schemaName);
        }
        return schemaName;
    }

    /** The validated name as a quoted SQL identifier, e.g. {@code "t_1000"}. */
    static String quoted(String schemaName) {
        return '"' + checked(schemaName) + '"';
    }
}
