package com.buildcrm.provisioner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** SQL on {@code platform.tenants} and {@code platform.tenant_schema_versions}. */
final class TenantStore {

    /** Longest error text kept in {@code tenant_schema_versions.error}. */
    static final int MAX_ERROR_LENGTH = 4000;

    private static final String TENANT_COLUMNS =
            "t.id, t.slug, t.name, t.schema_name, t.status, t.provisioning_step, t.timezone,"
                    + " t.locale, t.plugin_id, t.owner_name, t.owner_email";

    /**
     * A row of {@code platform.tenants}.
     *
     * @param schemaName validated {@code t_<id>}
     */
    record TenantRow(
            long id,
            String slug,
            String name,
            String schemaName,
            TenantStatus status,
            ProvisioningStep step,
            String timezone,
            String locale,
            String pluginId,
            String ownerName,
            String ownerEmail) {}

    /**
     * A provisioned tenant with the schema version recorded for it.
     *
     * @param behind true if its schema must be migrated: no version recorded, the last migration
     *     failed, or the recorded version differs from the latest available one
     */
    record MigrationCandidate(long id, String slug, String schemaName, boolean behind) {}

    private final DataSource dataSource;

    TenantStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<TenantRow> findBySlug(String slug) {
        try (Connection c = dataSource.getConnection()) {
            return findBySlug(c, slug);
        } catch (SQLException e) {
            throw new TenantDatabaseException("cannot read tenant " + slug, e);
        }
    }

    Optional<TenantRow> findBySlug(Connection c, String slug) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT " + TENANT_COLUMNS + " FROM platform.tenants t WHERE t.slug = ?")) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(tenantRow(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Inserts the tenant row (status PROVISIONING, step REGISTERED) with its id from the sequence
     * and {@code schema_name = 't_' || id}. Returns empty if the slug is taken meanwhile.
     */
    Optional<TenantRow> register(Connection c, NewTenant request) throws SQLException {
        String sql =
                """
                INSERT INTO platform.tenants AS t (id, slug, name, status, provisioning_step,
                    timezone, locale, plugin_id, schema_name, owner_name, owner_email)
                SELECT n.id, ?, ?, 'PROVISIONING', 'REGISTERED', ?, ?, ?, 't_' || n.id, ?, ?
                  FROM (SELECT nextval('platform.tenant_id_seq') AS id) n
                ON CONFLICT (slug) DO NOTHING
                RETURNING\s"""
                        + TENANT_COLUMNS;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, request.slug());
            ps.setString(2, request.name());
            ps.setString(3, request.timezone());
            ps.setString(4, request.locale());
            ps.setString(5, request.pluginId());
            ps.setString(6, request.owner().name());
            ps.setString(7, request.owner().email());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                TenantRow row = tenantRow(rs);
                if (!row.schemaName().equals(TenantSchema.nameFor(row.id()))) {
                    throw new IllegalStateException("unexpected schema name " + row.schemaName());
                }
                return Optional.of(row);
            }
        }
    }

    void recordStep(Connection c, long tenantId, ProvisioningStep step, TenantStatus status)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE platform.tenants SET provisioning_step = ?, status = ?,"
                                + " updated_at = now() WHERE id = ?")) {
            ps.setString(1, step.name());
            ps.setString(2, status.name());
            ps.setLong(3, tenantId);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("tenant " + tenantId + " vanished");
            }
        }
    }

    void recordStatus(long tenantId, TenantStatus status) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "UPDATE platform.tenants SET status = ?, updated_at = now()"
                                        + " WHERE id = ?")) {
            ps.setString(1, status.name());
            ps.setLong(2, tenantId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new TenantDatabaseException("cannot mark tenant " + tenantId + " " + status, e);
        }
    }

    void recordVersion(Connection c, long tenantId, String version) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        """
                        INSERT INTO platform.tenant_schema_versions AS v
                            (tenant_id, version, status, error, migrated_at)
                        VALUES (?, ?, 'OK', NULL, now())
                        ON CONFLICT (tenant_id) DO UPDATE
                           SET version = excluded.version, status = 'OK', error = NULL,
                               migrated_at = now()
                        """)) {
            ps.setLong(1, tenantId);
            ps.setString(2, version);
            ps.executeUpdate();
        }
    }

    void recordVersion(long tenantId, String version) {
        try (Connection c = dataSource.getConnection()) {
            recordVersion(c, tenantId, version);
        } catch (SQLException e) {
            throw new TenantDatabaseException(
                    "cannot record version " + version + " of tenant " + tenantId, e);
        }
    }

    /** Records a failed migration; the last successfully recorded version is kept. */
    void recordMigrationFailure(long tenantId, String error) {
        String text =
                error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                """
                                INSERT INTO platform.tenant_schema_versions AS v
                                    (tenant_id, version, status, error, migrated_at)
                                VALUES (?, NULL, 'FAILED', ?, now())
                                ON CONFLICT (tenant_id) DO UPDATE
                                   SET status = 'FAILED', error = excluded.error,
                                       migrated_at = now()
                                """)) {
            ps.setLong(1, tenantId);
            ps.setString(2, text);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new TenantDatabaseException(
                    "cannot record the failed migration of tenant " + tenantId, e);
        }
    }

    /**
     * Every tenant whose schema has been migrated at least once, each flagged whether it is behind
     * {@code latestVersion}: one query on {@code platform}, no tenant schema is touched. Tenants
     * whose provisioning has not reached MIGRATED are left to {@code create} (which resumes them).
     */
    List<MigrationCandidate> migrationCandidates(String latestVersion) {
        String sql =
                """
                SELECT t.id, t.slug, t.schema_name,
                       (v.tenant_id IS NULL OR v.status = 'FAILED'
                        OR v.version IS DISTINCT FROM ?) AS behind
                  FROM platform.tenants t
                  LEFT JOIN platform.tenant_schema_versions v ON v.tenant_id = t.id
                 WHERE t.provisioning_step IN ('MIGRATED', 'SEEDED', 'ACTIVE')
                 ORDER BY t.id
                """;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, latestVersion);
            try (ResultSet rs = ps.executeQuery()) {
                List<MigrationCandidate> candidates = new ArrayList<>();
                while (rs.next()) {
                    candidates.add(
                            new MigrationCandidate(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    TenantSchema.checked(rs.getString(3)),
                                    rs.getBoolean(4)));
                }
                return candidates;
            }
        } catch (SQLException e) {
            throw new TenantDatabaseException("cannot read tenant schema versions", e);
        }
    }

    List<TenantSummary> list() {
        String sql =
                "SELECT "
                        + TENANT_COLUMNS
                        + ", v.version, v.status AS version_status, v.error"
                        + " FROM platform.tenants t"
                        + " LEFT JOIN platform.tenant_schema_versions v ON v.tenant_id = t.id"
                        + " ORDER BY t.id";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            List<TenantSummary> tenants = new ArrayList<>();
            while (rs.next()) {
                TenantRow row = tenantRow(rs);
                String error =
                        "FAILED".equals(rs.getString("version_status"))
                                ? rs.getString("error")
                                : null;
                tenants.add(
                        new TenantSummary(
                                row.id(),
                                row.slug(),
                                row.name(),
                                row.schemaName(),
                                row.status(),
                                row.step(),
                                row.timezone(),
                                row.locale(),
                                row.pluginId(),
                                rs.getString("version"),
                                error));
            }
            return tenants;
        } catch (SQLException e) {
            throw new TenantDatabaseException("cannot list tenants", e);
        }
    }

    void delete(Connection c, long tenantId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM platform.tenants WHERE id = ?")) {
            ps.setLong(1, tenantId);
            ps.executeUpdate();
        }
    }

    private static TenantRow tenantRow(ResultSet rs) throws SQLException {
        return new TenantRow(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("name"),
                TenantSchema.checked(rs.getString("schema_name")),
                TenantStatus.valueOf(rs.getString("status")),
                ProvisioningStep.valueOf(rs.getString("provisioning_step")),
                rs.getString("timezone"),
                rs.getString("locale"),
                rs.getString("plugin_id"),
                rs.getString("owner_name"),
                rs.getString("owner_email"));
    }
}
