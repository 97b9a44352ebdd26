package com.buildcrm.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Looks tenants up in {@code platform} (by id from a token, by slug at login). */
@ApplicationScoped
public class TenantDirectory {

    /** A tenant with its status, as the edge needs it. */
    public record Entry(TenantRef ref, String status) {
        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    @Inject Storage storage;

    public Optional<Entry> byId(long id) {
        return find("id = ?1", id);
    }

    /**
     * The tenant whatever its status (workers finish what was accepted before a suspension).
     * Package-private: jobs reach it through {@link TenantTransactions#forJob}.
     */
    Optional<TenantRef> byIdAnyStatus(long id) {
        return find("id = ?1", id).map(Entry::ref);
    }

    /** Whether a (provisioned) tenant with this id exists, whatever its status. */
    public boolean exists(long id) {
        return byIdAnyStatus(id).isPresent();
    }

    public Optional<Entry> bySlug(String slug) {
        return find("slug = ?1", slug);
    }

    /** An active tenant's directory entry: a typed projection of {@link #COLUMNS}. */
    private record EntryRow(long id, String slug, String schemaName, String status) {

        /** The select list {@link #of} reads, in its order. */
        static final String COLUMNS = "id, slug, schema_name, status";

        static EntryRow of(Object[] r) {
            return new EntryRow(
                    ((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3]);
        }

        Entry entry() {
            return new Entry(new TenantRef(id, slug, schemaName), status);
        }
    }

    private Optional<Entry> find(String where, Object value) {
        return storage.transactions()
                .inPlatform(
                        em -> {
                            @SuppressWarnings("unchecked")
                            List<Object[]> rows =
                                    em.createNativeQuery(
                                                    "SELECT "
                                                            + EntryRow.COLUMNS
                                                            + " FROM platform.tenants WHERE "
                                                            + where
                                                            + " AND provisioning_step = 'ACTIVE'")
                                            .setParameter(1, value)
                                            .getResultList();
                            return rows.stream().findFirst().map(r -> EntryRow.of(r).entry());
                        });
    }
}
