package com.buildcrm.ai.knowledge;

import com.buildcrm.brain.KnowledgeBase;
import com.buildcrm.json.Jsonp;
import com.buildcrm.plugin.api.KnowledgeEntry;
import com.buildcrm.tenancy.TenantWork;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tenant's own knowledge base in its schema ({@code knowledge_base}, {@code
 * knowledge_entries}); empty until the operator first saves it, and then the pack's defaults are no
 * longer used (ADR 032).
 */
public final class KnowledgeStore {

    /** The saved base: its version (grows with every save), when and by whom, and its entries. */
    public record Saved(
            long version,
            OffsetDateTime editedAt,
            String editedBy,
            List<KnowledgeBase.Item> items) {}

    private KnowledgeStore() {}

    /** The saved version only (cheap; read on every AI turn to key the in-memory index). */
    public static Optional<Long> version(TenantWork work) {
        List<?> rows =
                work.em()
                        .createNativeQuery("SELECT version FROM knowledge_base WHERE id = 1")
                        .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(((Number) rows.get(0)).longValue());
    }

    /** The saved base, or empty while the pack's defaults are in force. */
    public static Optional<Saved> load(TenantWork work) {
        @SuppressWarnings("unchecked")
        List<Object[]> head =
                work.em()
                        .createNativeQuery(
                                "SELECT version, edited_at, edited_by FROM knowledge_base WHERE id = 1")
                        .getResultList();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                work.em()
                        .createNativeQuery(
                                "SELECT id, title, questions::text, answer FROM knowledge_entries"
                                        + " ORDER BY position, id")
                        .getResultList();
        List<KnowledgeBase.Item> items = new ArrayList<>();
        for (Object[] r : rows) {
            items.add(
                    new KnowledgeBase.Item(
                            String.valueOf(((Number) r[0]).longValue()),
                            (String) r[1],
                            questions((String) r[2]),
                            (String) r[3]));
        }
        Object[] h = head.get(0);
        return Optional.of(
                new Saved(
                        ((Number) h[0]).longValue(),
                        toOffset(h[1]),
                        (String) h[2],
                        List.copyOf(items)));
    }

    /**
     * Replaces every entry and bumps the version, in the caller's transaction. The head row is
     * written first: it locks the base, so a concurrent save waits for this one to commit and then
     * deletes its entries (one save wins entirely; entries of two saves never mix).
     */
    public static void replace(
            TenantWork work, List<KnowledgeEntry> entries, String editedBy, OffsetDateTime now) {
        var em = work.em();
        em.createNativeQuery(
                        "INSERT INTO knowledge_base (id, version, edited_at, edited_by) VALUES (1, 1, ?1, ?2)"
                                + " ON CONFLICT (id) DO UPDATE SET version = knowledge_base.version + 1,"
                                + " edited_at = EXCLUDED.edited_at, edited_by = EXCLUDED.edited_by")
                .setParameter(1, now)
                .setParameter(2, editedBy)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM knowledge_entries").executeUpdate();
        int position = 0;
        for (KnowledgeEntry e : entries) {
            JsonArrayBuilder q = Jsonp.createArrayBuilder();
            e.questions().forEach(q::add);
            em.createNativeQuery(
                            "INSERT INTO knowledge_entries (position, title, questions, answer)"
                                    + " VALUES (?1, ?2, CAST(?3 AS jsonb), ?4)")
                    .setParameter(1, position++)
                    .setParameter(2, e.title())
                    .setParameter(3, q.build().toString())
                    .setParameter(4, e.answer())
                    .executeUpdate();
        }
    }

    private static List<String> questions(String json) {
        List<String> out = new ArrayList<>();
        try (JsonReader r = Jsonp.createReader(new StringReader(json))) {
            JsonArray a = r.readArray();
            for (JsonValue v : a) {
                if (v instanceof JsonString s) {
                    out.add(s.getString());
                }
            }
        }
        return out;
    }

    private static OffsetDateTime toOffset(Object v) {
        if (v instanceof OffsetDateTime o) {
            return o;
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        if (v instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return null;
    }
}
