package com.buildcrm.audit;

import com.buildcrm.json.Jsonp;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code platform.audit_log} per tenant, newest first (cursor = the last entry's id). */
@ApplicationScoped
public class AuditReader {

    /** One operator (or system) action from {@code platform.audit_log}. */
    public record AuditEntry(
            long id,
            OffsetDateTime at,
            String actorType,
            String actorEmail,
            String action,
            String target,
            JsonObject details) {}

    /** A page of entries, newest first; {@code nextCursor} is null on the last page. */
    public record AuditPage(List<AuditEntry> items, String nextCursor) {}

    /** One row of {@code platform.audit_log}: a typed projection of {@link #COLUMNS}. */
    private record AuditRow(
            long id,
            OffsetDateTime at,
            String actorType,
            String actorEmail,
            String action,
            String target,
            JsonObject details) {

        /** The select list {@link #of} reads, in its order. */
        static final String COLUMNS =
                "id, at, actor_type, actor_email, action, target, CAST(details AS text)";

        static AuditRow of(Object[] r) {
            return new AuditRow(
                    ((Number) r[0]).longValue(),
                    time(r[1]),
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    Jsonp.createReader(new StringReader(r[6] == null ? "{}" : r[6].toString()))
                            .readObject());
        }

        AuditEntry entry() {
            return new AuditEntry(id, at, actorType, actorEmail, action, target, details);
        }
    }

    @Inject Storage storage;

    public AuditPage list(long tenantId, String cursor, int limit) {
        if (limit < 1 || limit > 200) {
            throw ApiProblem.invalidField("limit", "between 1 and 200");
        }
        long before;
        try {
            before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField("cursor", "not a cursor from a previous page");
        }
        return storage.transactions()
                .inPlatform(
                        em -> {
                            if (em.createNativeQuery(
                                            "SELECT id FROM platform.tenants WHERE id = ?1")
                                    .setParameter(1, tenantId)
                                    .getResultList()
                                    .isEmpty()) {
                                throw ApiProblem.notFound("Tenant " + tenantId);
                            }
                            List<?> rows =
                                    em.createNativeQuery(
                                                    "SELECT "
                                                            + AuditRow.COLUMNS
                                                            + " FROM platform.audit_log"
                                                            + " WHERE tenant_id = ?1 AND id < ?2"
                                                            + " ORDER BY id DESC LIMIT ?3")
                                            .setParameter(1, tenantId)
                                            .setParameter(2, before)
                                            .setParameter(3, limit + 1)
                                            .getResultList();
                            List<AuditEntry> items = new ArrayList<>();
                            for (Object o : rows.subList(0, Math.min(limit, rows.size()))) {
                                items.add(AuditRow.of((Object[]) o).entry());
                            }
                            String next =
                                    rows.size() > limit
                                            ? Long.toString(items.get(items.size() - 1).id())
                                            : null;
                            return new AuditPage(items, next);
                        });
    }

    static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }
}
