package com.buildcrm.provisioner;

import java.util.Map;

/**
 * What an export wrote or an import loaded.
 *
 * @param tenantId the tenant's id (the new one after an import)
 * @param schemaVersion the tenant schema's Flyway version the data was exported at
 * @param rows rows per tenant table
 * @param platformRows rows per platform table (the tenant row included)
 * @param mediaFiles media files (data and sidecar files)
 */
public record ArchiveSummary(
        long tenantId,
        String slug,
        String schemaVersion,
        Map<String, Long> rows,
        Map<String, Integer> platformRows,
        int mediaFiles) {

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }
}
