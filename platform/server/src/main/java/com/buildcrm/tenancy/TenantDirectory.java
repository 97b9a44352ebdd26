package com.buildcrm.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Looks tenants up in {@code platform} (by id from a token, by slug at login). A lookup by id is on
 * every request and every job, so its answer is kept for {@link #TTL} and dropped whenever a
 * session change is signalled (a suspension or a resumption among them: {@code
 * identity.SessionGuard#invalidateAll}); a company not found is looked up again each time.
 */
@ApplicationScoped
public class TenantDirectory {

    /** How long a company's entry is kept when no change is signalled. */
    static final Duration TTL = Duration.ofSeconds(5);

    private static final int MAX_ENTRIES = 20_000;

    private final SignalledCache<Long, Entry> entries = new SignalledCache<>(TTL, MAX_ENTRIES);

    /**
     * A tenant with its status, as the edge needs it, and its time zone and language, which are set
     * when it is provisioned and never change (kept with the entry, so a board does not read them).
     */
    public record Entry(TenantRef ref, String status, String timezone, String locale) {
        public boolean active() {
            return "ACTIVE".equals(status);
        }

        /** The company's time zone; UTC when the stored name is not a zone. */
        public ZoneId zone() {
            return zoneOf(timezone);
        }
    }

    /** A stored time zone's name as a zone; UTC when it is not one. */
    public static ZoneId zoneOf(Object name) {
        try {
            return ZoneId.of(String.valueOf(name));
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    @Inject Storage storage;

    public Optional<Entry> byId(long id) {
        return entries.getPresent(id, () -> find("id = ?1", id));
    }

    /**
     * The entry of a company that a request or a job is working for: its time zone and language
     * come from here, never from a read of their own. Such a company is always in the directory
     * (suspended or not); its absence is a broken invariant, not a user's error.
     */
    public Entry of(long id) {
        return byId(id).orElseThrow(
                        () -> new IllegalStateException("company " + id + " is not provisioned"));
    }

    /**
     * The tenant whatever its status (workers finish what was accepted before a suspension).
     * Package-private: jobs reach it through {@link TenantTransactions#forJob}.
     */
    Optional<TenantRef> byIdAnyStatus(long id) {
        return byId(id).map(Entry::ref);
    }

    /** Whether a (provisioned) tenant with this id exists, whatever its status. */
    public boolean exists(long id) {
        return byIdAnyStatus(id).isPresent();
    }

    /** Forgets every kept entry (a company's status changed here or on another instance). */
    public void invalidateAll() {
        entries.invalidateAll();
    }

    public Optional<Entry> bySlug(String slug) {
        return find("slug = ?1", slug);
    }

    /** An active tenant's directory entry: a typed projection of {@link #COLUMNS}. */
    private record EntryRow(
            long id,
            String slug,
            String schemaName,
            String status,
            String timezone,
            String locale) {

        /** The select list {@link #of} reads, in its order. */
        static final String COLUMNS = "id, slug, schema_name, status, timezone, locale";

        static EntryRow of(Object[] r) {
            return new EntryRow(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5]);
        }

        Entry entry() {
            return new Entry(new TenantRef(id, slug, schemaName), status, timezone, locale);
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
