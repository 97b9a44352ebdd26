package com.buildcrm.lead;

import com.buildcrm.brain.AiMemory;
import com.buildcrm.json.Jsonp;
import com.buildcrm.tenancy.TenantWork;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The lead's jsonb columns ({@code fields}, {@code ai_state}) and its history ({@code
 * lead_events}). These are read and written with native SQL inside the caller's tenant unit of work
 * ({@link TenantWork}), whose {@code search_path} resolves the unqualified table names to that
 * tenant's schema.
 */
public final class LeadJson {

    private LeadJson() {}

    /** The lead's qualification values (numbers as BigDecimal, booleans, strings). */
    public static Map<String, Object> fields(TenantWork work, long leadId) {
        return toMap(readObject(work, "fields", leadId));
    }

    /** Qualification values of several leads at once (for lists). */
    public static Map<Long, Map<String, Object>> fields(TenantWork work, List<Long> leadIds) {
        Map<Long, Map<String, Object>> result = new LinkedHashMap<>();
        readObjects(work, "fields", leadIds).forEach((id, o) -> result.put(id, toMap(o)));
        return result;
    }

    public static void writeFields(TenantWork work, long leadId, Map<String, Object> fields) {
        write(work, "fields", leadId, toJson(fields).toString());
    }

    public static AiMemory memory(TenantWork work, long leadId) {
        return memory(readObject(work, "ai_state", leadId));
    }

    /** The AI's memory of several leads at once (for a batch of follow-ups). */
    public static Map<Long, AiMemory> memory(TenantWork work, List<Long> leadIds) {
        Map<Long, AiMemory> result = new LinkedHashMap<>();
        readObjects(work, "ai_state", leadIds).forEach((id, o) -> result.put(id, memory(o)));
        return result;
    }

    private static AiMemory memory(JsonObject o) {
        TreeSet<String> advice = new TreeSet<>();
        if (o.containsKey("adviceGiven")) {
            o.getJsonArray("adviceGiven").forEach(v -> advice.add(((JsonString) v).getString()));
        }
        TreeSet<String> askedAgain = new TreeSet<>();
        if (o.containsKey("askedAgain")) {
            o.getJsonArray("askedAgain").forEach(v -> askedAgain.add(((JsonString) v).getString()));
        }
        return new AiMemory(
                o.containsKey("askedField") && !o.isNull("askedField")
                        ? o.getString("askedField")
                        : null,
                o.getBoolean("callWanted", false),
                o.getInt("priceAsks", 0),
                o.getBoolean("callOffered", false),
                advice,
                o.getBoolean("notInterested", false),
                o.getInt("clientTurns", 0),
                askedAgain);
    }

    public static void writeMemory(TenantWork work, long leadId, AiMemory m) {
        JsonArrayBuilder advice = Jsonp.createArrayBuilder();
        new TreeSet<>(m.adviceGiven()).forEach(advice::add);
        JsonObjectBuilder b =
                Jsonp.createObjectBuilder()
                        .add("callWanted", m.callWanted())
                        .add("priceAsks", m.priceAsks())
                        .add("callOffered", m.callOffered())
                        .add("adviceGiven", advice)
                        .add("notInterested", m.notInterested())
                        .add("clientTurns", m.clientTurns());
        if (!m.askedAgain().isEmpty()) {
            JsonArrayBuilder again = Jsonp.createArrayBuilder();
            new TreeSet<>(m.askedAgain()).forEach(again::add);
            b.add("askedAgain", again);
        }
        if (m.askedField() != null) {
            b.add("askedField", m.askedField());
        }
        write(work, "ai_state", leadId, b.build().toString());
    }

    /**
     * Appends an event to the lead's history.
     *
     * @param actor who acted; stored as its name
     */
    public static void event(
            TenantWork work,
            long leadId,
            String type,
            ActorKind actor,
            Long actorId,
            String reason,
            Map<String, Object> details,
            OffsetDateTime at) {
        events(work, List.of(new NewEvent(leadId, type, actor, actorId, reason, details, at)));
    }

    /** An event to append to a lead's history ({@link #events}). */
    public record NewEvent(
            long leadId,
            String type,
            ActorKind actor,
            Long actorId,
            String reason,
            Map<String, Object> details,
            OffsetDateTime at) {}

    /** Appends events to their leads' histories in one statement (a batch's). */
    public static void events(TenantWork work, List<NewEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        int n = events.size();
        Long[] leads = new Long[n];
        String[] types = new String[n];
        String[] actors = new String[n];
        Long[] actorIds = new Long[n];
        String[] reasons = new String[n];
        String[] details = new String[n];
        String[] ats = new String[n];
        for (int i = 0; i < n; i++) {
            NewEvent e = events.get(i);
            leads[i] = e.leadId();
            types[i] = e.type();
            actors[i] = e.actor().name();
            actorIds[i] = e.actorId();
            reasons[i] = e.reason();
            details[i] = toJson(e.details()).toString();
            ats[i] = e.at().toString();
        }
        work.sql(
                        "INSERT INTO lead_events (lead_id, type, actor, actor_id, reason, details, created_at)"
                                + " SELECT v.l, v.t, v.a, v.ai, v.r, CAST(v.d AS jsonb), CAST(v.c AS timestamptz)"
                                + " FROM unnest(CAST(?1 AS bigint[]), CAST(?2 AS text[]), CAST(?3 AS text[]),"
                                + " CAST(?4 AS bigint[]), CAST(?5 AS text[]), CAST(?6 AS text[]), CAST(?7 AS text[]))"
                                + " WITH ORDINALITY AS v(l, t, a, ai, r, d, c, n) ORDER BY v.n")
                .setParameter(1, leads)
                .setParameter(2, types)
                .setParameter(3, actors)
                .setParameter(4, actorIds)
                .setParameter(5, reasons)
                .setParameter(6, details)
                .setParameter(7, ats)
                .executeUpdate();
    }

    /** One entry of a lead's history as the API returns it. */
    public record EventView(
            long id,
            String type,
            String actor,
            LeadViews.PersonRef user,
            String reason,
            Map<String, Object> details,
            OffsetDateTime at) {}

    /** One row of {@link #events}'s query: a typed projection of {@link EventRow#COLUMNS}. */
    private record EventRow(
            long id,
            String type,
            String actor,
            Long actorId,
            String actorName,
            String reason,
            Map<String, Object> details,
            OffsetDateTime at) {

        /** The select list {@link #of} reads, in its order. */
        static final String COLUMNS =
                "e.id, e.type, e.actor, e.actor_id, u.name, e.reason, e.details::text, e.created_at";

        static EventRow of(Object[] r) {
            return new EventRow(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    r[3] == null ? null : ((Number) r[3]).longValue(),
                    (String) r[4],
                    (String) r[5],
                    toMap(parse(String.valueOf(r[6]))),
                    toTime(r[7]));
        }

        EventView view() {
            return new EventView(
                    id,
                    type,
                    actor,
                    actorId == null ? null : new LeadViews.PersonRef(actorId, actorName),
                    reason,
                    details,
                    at);
        }
    }

    public static List<EventView> events(TenantWork work, long leadId, Long beforeId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                work.sql(
                                "SELECT "
                                        + EventRow.COLUMNS
                                        + " FROM lead_events e LEFT JOIN users u ON u.id = e.actor_id"
                                        + " WHERE e.lead_id = ?1 AND e.id < ?2 ORDER BY e.id DESC LIMIT ?3")
                        .setParameter(1, leadId)
                        .setParameter(2, beforeId == null ? Long.MAX_VALUE : beforeId)
                        .setParameter(3, limit)
                        .getResultList();
        return rows.stream().map(r -> EventRow.of(r).view()).toList();
    }

    static OffsetDateTime toTime(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp " + value);
    }

    /** Plain Java values (String, BigDecimal, Long, Boolean, List, Map) to JSON. */
    public static JsonObject toJson(Map<String, ?> map) {
        JsonObjectBuilder b = Jsonp.createObjectBuilder();
        if (map != null) {
            map.forEach((k, v) -> b.add(k, value(v)));
        }
        return b.build();
    }

    private static JsonValue value(Object v) {
        if (v == null) {
            return JsonValue.NULL;
        }
        if (v instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (v instanceof BigDecimal d) {
            return Jsonp.createValue(d.stripTrailingZeros());
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            return Jsonp.createValue(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            return Jsonp.createValue(new BigDecimal(n.toString()));
        }
        if (v instanceof Map<?, ?> m) {
            JsonObjectBuilder b = Jsonp.createObjectBuilder();
            m.forEach((k, x) -> b.add(String.valueOf(k), value(x)));
            return b.build();
        }
        if (v instanceof Iterable<?> list) {
            JsonArrayBuilder b = Jsonp.createArrayBuilder();
            list.forEach(x -> b.add(value(x)));
            return b.build();
        }
        return Jsonp.createValue(String.valueOf(v));
    }

    /** JSON to plain Java values: numbers become BigDecimal (integral ones Long). */
    public static Map<String, Object> toMap(JsonObject o) {
        Map<String, Object> map = new LinkedHashMap<>();
        o.forEach((k, v) -> map.put(k, plain(v)));
        return map;
    }

    private static Object plain(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> {
                JsonNumber n = (JsonNumber) v;
                yield n.isIntegral() ? (Object) n.longValue() : n.bigDecimalValue();
            }
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case ARRAY -> v.asJsonArray().stream().map(LeadJson::plain).toList();
            case OBJECT -> toMap(v.asJsonObject());
        };
    }

    /** One jsonb column of several leads, by lead id (one statement). */
    private static Map<Long, JsonObject> readObjects(
            TenantWork work, String column, List<Long> leadIds) {
        Map<Long, JsonObject> result = new LinkedHashMap<>();
        if (leadIds.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                work.sql(
                                "SELECT id, "
                                        + column
                                        + "::text FROM leads WHERE id = ANY(CAST(?1 AS bigint[]))")
                        .setParameter(1, leadIds.toArray(Long[]::new))
                        .getResultList();
        for (Object[] row : rows) {
            result.put(((Number) row[0]).longValue(), parse(String.valueOf(row[1])));
        }
        return result;
    }

    private static JsonObject readObject(TenantWork work, String column, long leadId) {
        @SuppressWarnings("unchecked")
        List<Object> rows =
                work.sql("SELECT " + column + "::text FROM leads WHERE id = ?1")
                        .setParameter(1, leadId)
                        .getResultList();
        return rows.isEmpty() ? JsonValue.EMPTY_JSON_OBJECT : parse(String.valueOf(rows.get(0)));
    }

    private static void write(TenantWork work, String column, long leadId, String json) {
        work.sql("UPDATE leads SET " + column + " = CAST(?1 AS jsonb) WHERE id = ?2")
                .setParameter(1, json)
                .setParameter(2, leadId)
                .executeUpdate();
    }

    public static JsonObject parseObject(String json) {
        return parse(json);
    }

    static JsonObject parse(String json) {
        try (var reader = Jsonp.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
