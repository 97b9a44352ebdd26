package com.buildcrm.lead;

import com.buildcrm.json.Jsonp;
import com.buildcrm.tenancy.TenantWork;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where each of a lead's values came from ({@code leads.field_sources}, key → {@link Source}). The
 * rules (issue 16, ADR 031): a person's edit always wins over what the AI extracts later; a name
 * the client states replaces the WhatsApp profile name; a profile name never replaces anything.
 */
public final class FieldSources {

    /** Who gave a value. */
    public enum Source {
        /** The client said it (the AI manager extracted it from the chat). */
        CLIENT,
        /** The WhatsApp profile (push) name. */
        PROFILE,
        /** A CRM user edited it. */
        PERSON
    }

    private FieldSources() {}

    /** The lead's sources (key → source name). */
    public static Map<String, String> of(TenantWork work, long leadId) {
        Object raw =
                work
                        .sql("SELECT field_sources::text FROM leads WHERE id = ?1")
                        .setParameter(1, leadId)
                        .getResultList()
                        .stream()
                        .findFirst()
                        .orElse("{}");
        return parse(String.valueOf(raw));
    }

    /** Records {@code source} for {@code keys}, replacing what was recorded. */
    public static void set(TenantWork work, long leadId, Collection<String> keys, Source source) {
        if (keys.isEmpty()) {
            return;
        }
        work.sql(
                        "UPDATE leads SET field_sources = field_sources || CAST(?1 AS jsonb) WHERE id = ?2")
                .setParameter(1, json(keys, source))
                .setParameter(2, leadId)
                .executeUpdate();
    }

    /** Records {@code source} for the keys that have none yet (a profile name never overrides). */
    public static void setIfAbsent(
            TenantWork work, long leadId, Collection<String> keys, Source source) {
        if (keys.isEmpty()) {
            return;
        }
        work.sql(
                        "UPDATE leads SET field_sources = CAST(?1 AS jsonb) || field_sources WHERE id = ?2")
                .setParameter(1, json(keys, source))
                .setParameter(2, leadId)
                .executeUpdate();
    }

    /** Forgets the source of {@code keys} (their values were removed). */
    public static void clear(TenantWork work, long leadId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        work.sql(
                        "UPDATE leads SET field_sources = field_sources - CAST(?1 AS text[]) WHERE id = ?2")
                .setParameter(1, keys.toArray(String[]::new))
                .setParameter(2, leadId)
                .executeUpdate();
    }

    /**
     * The AI's new values with every value a person set put back as the person left it (present or
     * removed): a person's edit always wins.
     *
     * @param aiFields the fields after the AI's turn
     * @param current the fields as stored now (read under the lead's lock)
     * @param sources the stored sources
     */
    public static Map<String, Object> personWins(
            Map<String, Object> aiFields,
            Map<String, Object> current,
            Map<String, String> sources) {
        Map<String, Object> out = new LinkedHashMap<>(aiFields);
        sources.forEach(
                (key, source) -> {
                    if (Source.PERSON.name().equals(source)) {
                        if (current.containsKey(key)) {
                            out.put(key, current.get(key));
                        } else {
                            out.remove(key);
                        }
                    }
                });
        return out;
    }

    /**
     * The fields an AI turn may store: every value a person set stays as the person left it (read
     * now, under the lead's lock), and the values the AI did change are recorded as the client's —
     * so a stated name replaces the profile name.
     *
     * @param before the fields the turn started from
     * @param after the fields after the turn
     * @return the fields to store
     */
    public static Map<String, Object> afterAiTurn(
            TenantWork work, long leadId, Map<String, Object> before, Map<String, Object> after) {
        Map<String, String> sources = of(work, leadId);
        Map<String, Object> fields = personWins(after, LeadJson.fields(work, leadId), sources);
        List<String> changed = new ArrayList<>();
        fields.forEach(
                (k, v) -> {
                    if (!Source.PERSON.name().equals(sources.get(k))
                            && !Objects.equals(v, before.get(k))) {
                        changed.add(k);
                    }
                });
        set(work, leadId, changed, Source.CLIENT);
        return fields;
    }

    private static String json(Collection<String> keys, Source source) {
        JsonObjectBuilder b = Jsonp.createObjectBuilder();
        keys.forEach(k -> b.add(k, source.name()));
        return b.build().toString();
    }

    /** The sources in a {@code field_sources} value's text (key → source name). */
    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        try (var reader = Jsonp.createReader(new StringReader(text))) {
            JsonObject o = reader.readObject();
            for (Map.Entry<String, JsonValue> e : o.entrySet()) {
                if (e.getValue() instanceof JsonString s) {
                    out.put(e.getKey(), s.getString());
                }
            }
        }
        return out;
    }
}
