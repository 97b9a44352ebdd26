package com.buildcrm.lead;

import com.buildcrm.lead.LeadViews.LastMessage;
import com.buildcrm.lead.LeadViews.LeadPage;
import com.buildcrm.lead.LeadViews.LeadResponse;
import com.buildcrm.lead.LeadViews.NextActionView;
import com.buildcrm.lead.LeadViews.PersonRef;
import com.buildcrm.lead.LeadViews.StageRef;
import com.buildcrm.nextaction.NextAction;
import com.buildcrm.now.situation.NextActions;
import com.buildcrm.pipeline.Stage;
import com.buildcrm.settings.CrmSettings;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.tenancy.TenantDirectory;
import com.buildcrm.tenancy.TenantWork;
import com.buildcrm.user.User;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads leads of the caller's company. A manager sees only the leads assigned to them when the
 * company says so; for such a manager any other lead does not exist (404).
 */
@ApplicationScoped
public class LeadService {

    @Inject TenantData data;
    @Inject NextActions nextActions;
    @Inject TenantDirectory directory;

    /** Largest page a client may ask for. */
    public static final int MAX_PAGE = 200;

    /**
     * Counts stop here: a total or a stage's count above it is reported as the cap with a "capped"
     * flag, so counting never reads more than {@code COUNT_CAP + 1} index entries per column,
     * however large the company (ADR 043).
     */
    public static final int COUNT_CAP = 1000;

    /**
     * A count as the API answers it: at most {@link #COUNT_CAP}, and whether counting stopped
     * there.
     */
    public record Capped(long value, boolean capped) {

        /**
         * From a count taken up to {@code COUNT_CAP + 1} ({@link #count}, {@link #countByStage}).
         */
        public static Capped of(long counted) {
            return new Capped(Math.min(counted, COUNT_CAP), counted > COUNT_CAP);
        }
    }

    /**
     * What the search box matches on a lead, lowered, written exactly as the trigram index {@code
     * leads_search_trgm_idx} (tenant migration V15) writes it, so {@code LIKE lower('%q%')} is an
     * index scan (ADR 036, ADR 046). Every message's text is matched too, through {@code
     * messages_text_trgm_idx} on {@code lower(text)}.
     */
    static final String SEARCH_TEXT_LOWER =
            "lower(COALESCE(name, '') || ' ' || COALESCE(city, '') || ' ' ||"
                    + " COALESCE(last_message_text, '') || ' ' || phone)";

    /**
     * One page of the visible leads matching the filters, in the given order, with the total count
     * of matches.
     */
    public LeadPage list(LeadFilterParams params, String sort, String cursor, int limit) {
        LeadSort order = LeadSort.parse(sort);
        LeadSort.Cursor after = LeadSort.Cursor.decode(cursor, order);
        int size = pageSize(limit);
        return data.read(
                em -> {
                    LeadFilter filter = filter(params);
                    if (filter.q() != null) {
                        // a search: the matches are found once, counted and ordered together
                        return page(em, filter, order, after, size, true);
                    }
                    LeadPage page = page(em, filter, order, after, size, false);
                    Capped total = Capped.of(count(em, filter));
                    return new LeadPage(
                            page.items(), page.nextCursor(), total.value(), total.capped());
                });
    }

    /** A page size from 1 to {@link #MAX_PAGE}, else 400 naming {@code limit}. */
    public static int pageSize(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiProblem.invalidField("limit", "must be from 1 to " + MAX_PAGE);
        }
        return limit;
    }

    /** The query parameters validated for the caller (assignee=me, dates in the company's zone). */
    public LeadFilter filter(LeadFilterParams params) {
        return LeadFilter.parse(params, data.currentUserId(), zone());
    }

    /** The company's time zone (its directory entry: set at provisioning, never changed). */
    public ZoneId zone() {
        return directory.of(data.tenant().id()).zone();
    }

    /**
     * A lead's keyset position on a page: a typed projection of {@link #columns}.
     *
     * @param activity the last activity, {@code COALESCE(last_message_at, created_at)}
     */
    private record PageKey(long id, int score, OffsetDateTime activity, OffsetDateTime createdAt) {

        /** The select list {@link #of} reads, in its order, with the given activity expression. */
        static String columns(String activity) {
            return "id, score, " + activity + ", created_at";
        }

        static PageKey of(Object[] r) {
            return new PageKey(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).intValue(),
                    LeadJson.toTime(r[2]),
                    LeadJson.toTime(r[3]));
        }
    }

    /**
     * The last activity a page is ordered by (and {@code leads_stage_score_activity_idx} holds).
     */
    private static final String ACTIVITY = "COALESCE(last_message_at, created_at)";

    /**
     * A page of visible leads (keyset paging). Without {@code withTotal} the total is not counted
     * here (-1): the page is a walk of an index in its order and stops after {@code size + 1}. With
     * it (a search, ADR 046), one statement finds the matches once and gives both the page and how
     * many matched in all ({@code count(*) OVER ()} before the cursor applies), instead of matching
     * twice — once for the page, once for the count.
     */
    LeadPage page(
            EntityManager em,
            LeadFilter filter,
            LeadSort sort,
            LeadSort.Cursor after,
            int size,
            boolean withTotal) {
        Sql sql = where(em, filter);
        String activity = withTotal ? "activity" : ACTIVITY;
        String keyset = after == null ? null : keyset(sql, sort, after, activity);
        String orderBy =
                switch (sort) {
                    case SCORE -> "score DESC, " + activity + " DESC, id DESC";
                    case LAST_ACTIVITY -> activity + " DESC, id DESC";
                    case CREATED_AT -> "created_at DESC, id DESC";
                };
        String select;
        if (withTotal) {
            select =
                    "SELECT id, score, activity, created_at, total FROM (SELECT id, score, "
                            + ACTIVITY
                            + " AS activity, created_at, count(*) OVER () AS total FROM leads"
                            + sql.where()
                            + ") x"
                            + (keyset == null ? "" : " WHERE " + keyset);
        } else {
            if (keyset != null) {
                sql.and(keyset);
            }
            select = "SELECT " + PageKey.columns(ACTIVITY) + " FROM leads" + sql.where();
        }
        var query = em.createNativeQuery(select + " ORDER BY " + orderBy + " LIMIT " + (size + 1));
        sql.bind(query);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > size;
        List<PageKey> keys =
                (more ? rows.subList(0, size) : rows).stream().map(PageKey::of).toList();
        List<Long> ids = keys.stream().map(PageKey::id).toList();
        List<LeadResponse> items = responses(em, ids);
        String next = more ? cursor(sort, keys) : null;
        if (!withTotal) {
            return LeadPage.uncounted(items, next);
        }
        // past the last match the page is empty and carries no total: count it then
        Capped total =
                Capped.of(
                        rows.isEmpty()
                                ? (after == null ? 0 : count(em, filter))
                                : ((Number) rows.get(0)[4]).longValue());
        return new LeadPage(items, next, total.value(), total.capped());
    }

    /** The keyset condition "after this cursor" in the given sort, on the given activity. */
    private static String keyset(Sql sql, LeadSort sort, LeadSort.Cursor after, String activity) {
        String time = "CAST(" + sql.param(utc(after.time())) + " AS timestamptz)";
        String id = sql.param(after.id());
        return switch (sort) {
            case SCORE ->
                    "(score, "
                            + activity
                            + ", id) < ("
                            + sql.param(after.score())
                            + ", "
                            + time
                            + ", "
                            + id
                            + ")";
            case LAST_ACTIVITY -> "(" + activity + ", id) < (" + time + ", " + id + ")";
            case CREATED_AT -> "(created_at, id) < (" + time + ", " + id + ")";
        };
    }

    /**
     * A board's columns: per stage how many visible leads match (as {@link #countByStage} counts
     * them) and the first page of them; stages without matches are absent from both maps.
     */
    public record Columns(Map<Long, Long> counts, Map<Long, LeadPage> pages) {}

    /**
     * The board's columns for these stages. Without a search: the capped counts, then the first
     * pages of the stages that have leads, each an index walk per stage. With one (ADR 046): one
     * statement finds the matches once and numbers and counts them per stage, because a search
     * repeated per stage (and again per count) would redo the trigram work fourteen times.
     */
    public Columns columns(EntityManager em, LeadFilter filter, List<Long> stageIds, int size) {
        if (filter.q() == null || stageIds.isEmpty()) {
            Map<Long, Long> counts = countByStage(em, filter, stageIds);
            return new Columns(
                    counts,
                    firstPagesByStage(
                            em,
                            filter,
                            stageIds.stream()
                                    .filter(id -> counts.getOrDefault(id, 0L) > 0)
                                    .toList(),
                            size));
        }
        Sql sql = where(em, filter);
        StringBuilder in = new StringBuilder();
        for (Long id : stageIds) {
            in.append(in.isEmpty() ? "" : ", ").append(sql.param(id));
        }
        sql.and("stage_id IN (" + in + ")");
        var query =
                em.createNativeQuery(
                        "SELECT stage_id, id, score, activity, created_at, n FROM (SELECT stage_id, "
                                + PageKey.columns(ACTIVITY + " AS activity")
                                + ", row_number() OVER (PARTITION BY stage_id ORDER BY score DESC, "
                                + ACTIVITY
                                + " DESC, id DESC) AS rn, count(*) OVER (PARTITION BY stage_id) AS n"
                                + " FROM leads"
                                + sql.where()
                                + ") x WHERE rn <= "
                                + (size + 1)
                                + " ORDER BY stage_id, rn");
        sql.bind(query);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<Long, Long> counts = new HashMap<>();
        Map<Long, List<PageKey>> byStage = new HashMap<>();
        for (Object[] r : rows) {
            long stage = ((Number) r[0]).longValue();
            counts.put(stage, ((Number) r[5]).longValue());
            byStage.computeIfAbsent(stage, k -> new ArrayList<>())
                    .add(PageKey.of(java.util.Arrays.copyOfRange(r, 1, 5)));
        }
        return new Columns(counts, pages(em, byStage, size));
    }

    /**
     * The first page of every given stage in one statement (the board, ADR 036): a lateral top-N
     * per stage on {@code leads_stage_score_activity_idx}, then one read of the leads, one plan of
     * their next actions and one lookup of names for all columns together — a constant number of
     * queries however many stages the company has. Stages without matches map to an empty page.
     */
    public Map<Long, LeadPage> firstPagesByStage(
            EntityManager em, LeadFilter filter, List<Long> stageIds, int size) {
        if (stageIds.isEmpty()) {
            return new HashMap<>();
        }
        Sql sql = where(em, filter);
        sql.and("stage_id = s.id");
        String activity = ACTIVITY;
        StringBuilder in = new StringBuilder();
        for (Long id : stageIds) {
            in.append(in.isEmpty() ? "" : ", ").append(sql.param(id));
        }
        var query =
                em.createNativeQuery(
                        "SELECT s.id, l.* FROM stages s CROSS JOIN LATERAL (SELECT "
                                + PageKey.columns(activity)
                                + " FROM leads"
                                + sql.where()
                                + " ORDER BY score DESC, "
                                + activity
                                + " DESC, id DESC LIMIT "
                                + (size + 1)
                                + ") l WHERE s.id IN ("
                                + in
                                + ")");
        sql.bind(query);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<Long, List<PageKey>> byStage = new HashMap<>();
        for (Object[] r : rows) {
            byStage.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                    .add(PageKey.of(java.util.Arrays.copyOfRange(r, 1, r.length)));
        }
        Map<Long, LeadPage> pages = pages(em, byStage, size);
        stageIds.forEach(id -> pages.putIfAbsent(id, LeadPage.uncounted(List.of(), null)));
        return pages;
    }

    /**
     * Per stage, its first page from the keys read for it ({@code size + 1} at most, in order): one
     * read of the leads for every column together.
     */
    private Map<Long, LeadPage> pages(
            EntityManager em, Map<Long, List<PageKey>> byStage, int size) {
        List<Long> all = new ArrayList<>();
        byStage.values().forEach(keys -> keys.stream().limit(size).forEach(k -> all.add(k.id())));
        Map<Long, LeadResponse> responses = new HashMap<>();
        responses(em, all).forEach(r -> responses.put(r.id(), r));
        Map<Long, LeadPage> pages = new HashMap<>();
        byStage.forEach(
                (stage, keys) -> {
                    boolean more = keys.size() > size;
                    List<PageKey> shown = more ? keys.subList(0, size) : keys;
                    pages.put(
                            stage,
                            LeadPage.uncounted(
                                    shown.stream()
                                            .map(k -> responses.get(k.id()))
                                            .filter(Objects::nonNull)
                                            .toList(),
                                    more ? cursor(LeadSort.SCORE, shown) : null));
                });
        return pages;
    }

    /** The cursor after the last of these keys. */
    private static String cursor(LeadSort sort, List<PageKey> keys) {
        PageKey last = keys.get(keys.size() - 1);
        return new LeadSort.Cursor(
                        sort,
                        last.score(),
                        (sort == LeadSort.CREATED_AT ? last.createdAt() : last.activity())
                                .toInstant(),
                        last.id())
                .encode();
    }

    /**
     * The API views of these leads in this order (ids that do not exist are skipped), each with its
     * next action: one read of the leads, one bulk plan of their situations, one lookup.
     */
    public List<LeadResponse> responses(EntityManager em, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return responses(em, ids, nextActions.plan(TenantWork.of(em), ids).actions());
    }

    /**
     * The API views of these leads in this order (ids that do not exist are skipped), with the next
     * actions the caller already planned (a lead absent from {@code actions} has none).
     */
    public List<LeadResponse> responses(
            EntityManager em, List<Long> ids, Map<Long, NextAction> actions) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Lead> byId = new HashMap<>();
        em.createQuery("SELECT l FROM Lead l WHERE l.id IN :ids", Lead.class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(l -> byId.put(l.id(), l));
        List<Lead> leads = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        Lookup lookup = new Lookup(TenantWork.of(em), actions).prefetch(leads);
        return leads.stream().map(lookup::toResponse).toList();
    }

    /**
     * How many visible leads match, counted up to {@code COUNT_CAP + 1}: a result above {@link
     * #COUNT_CAP} means "more than the cap".
     */
    public long count(EntityManager em, LeadFilter filter) {
        Sql sql = where(em, filter);
        var query =
                em.createNativeQuery(
                        "SELECT count(*) FROM (SELECT 1 FROM leads"
                                + sql.where()
                                + " LIMIT "
                                + (COUNT_CAP + 1)
                                + ") c");
        sql.bind(query);
        return ((Number) query.getSingleResult()).longValue();
    }

    /**
     * How many visible leads match in each of the given stages, each counted up to {@code COUNT_CAP
     * + 1} (a value above {@link #COUNT_CAP} means "more than the cap"); stages without any are
     * absent. One statement: per stage an index range of at most the cap plus one.
     */
    public Map<Long, Long> countByStage(EntityManager em, LeadFilter filter, List<Long> stageIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (stageIds.isEmpty()) {
            return counts;
        }
        Sql sql = where(em, filter);
        sql.and("stage_id = s.id");
        StringBuilder in = new StringBuilder();
        for (Long id : stageIds) {
            in.append(in.isEmpty() ? "" : ", ").append(sql.param(id));
        }
        var query =
                em.createNativeQuery(
                        "SELECT s.id, c.n FROM stages s CROSS JOIN LATERAL (SELECT count(*) AS n"
                                + " FROM (SELECT 1 FROM leads"
                                + sql.where()
                                + " LIMIT "
                                + (COUNT_CAP + 1)
                                + ") x) c WHERE s.id IN ("
                                + in
                                + ") AND c.n > 0");
        sql.bind(query);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        rows.forEach(r -> counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        return counts;
    }

    /** The filters (and the caller's visibility) as SQL on the tenant's leads table. */
    private Sql where(EntityManager em, LeadFilter f) {
        Sql sql = new Sql();
        if (onlyAssigned(em)) {
            sql.and("assignee_id = " + sql.param(data.currentUserId()));
        }
        if (f.stageId() != null) {
            sql.and("stage_id = " + sql.param(f.stageId()));
        }
        if (f.temperature() != null) {
            sql.and("temperature = " + sql.param(f.temperature()));
        }
        if (f.unassigned()) {
            sql.and("assignee_id IS NULL");
        } else if (f.assigneeId() != null) {
            sql.and("assignee_id = " + sql.param(f.assigneeId()));
        }
        if (f.handledBy() != null) {
            sql.and("handled_by = " + sql.param(f.handledBy()));
        }
        if (f.noReply() != null) {
            sql.and("no_reply = " + sql.param(f.noReply()));
        }
        if (f.city() != null) {
            sql.and("lower(city) = lower(" + sql.param(f.city()) + ")");
        }
        if (f.createdFrom() != null) {
            sql.and("created_at >= CAST(" + sql.param(utc(f.createdFrom())) + " AS timestamptz)");
        }
        if (f.createdTo() != null) {
            sql.and("created_at < CAST(" + sql.param(utc(f.createdTo())) + " AS timestamptz)");
        }
        if (f.q() != null) {
            String like = "%" + f.q().replaceAll("([\\\\%_])", "\\\\$1") + "%";
            // lower(...) LIKE lower(...) is what ILIKE does on UTF-8, at a third of the cost per
            // row, on trigram indexes over the lowered text (V15). Both branches are trigram
            // index scans; their UNION is one sorted array of lead ids, computed once, and the
            // leads are read by primary key from it: each matching lead once, no join with the
            // whole table, and no per-row search of the array (an OR of the array with the text
            // match was tried: rechecking it is linear in the array per lead, seconds when many
            // leads match only through older messages — ADR 046).
            StringBuilder match =
                    new StringBuilder("id = ANY(ARRAY(SELECT id FROM leads WHERE ")
                            .append(SEARCH_TEXT_LOWER)
                            .append(" LIKE lower(")
                            .append(sql.param(like))
                            .append(')');
            String digits = f.q().replaceAll("[^0-9]", "");
            if (digits.length() >= 3 && !digits.equals(f.q())) {
                // "+7 707 12" finds the phone +7707123…
                match.append(" OR ")
                        .append(SEARCH_TEXT_LOWER)
                        .append(" LIKE ")
                        .append(sql.param("%" + digits + "%"));
            }
            match.append(" UNION SELECT lead_id FROM messages WHERE lower(text) LIKE lower(")
                    .append(sql.param(like))
                    .append(")))");
            sql.and(match.toString());
        }
        return sql;
    }

    private static OffsetDateTime utc(java.time.Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    /** A WHERE clause with positional parameters for a native query. */
    private static final class Sql {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        String param(Object value) {
            params.add(value);
            return "?" + params.size();
        }

        void and(String condition) {
            conditions.add(condition);
        }

        String where() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        void bind(jakarta.persistence.Query query) {
            for (int i = 0; i < params.size(); i++) {
                query.setParameter(i + 1, params.get(i));
            }
        }
    }

    public LeadResponse get(long id) {
        return data.read(em -> toResponse(em, findVisible(em, id)));
    }

    /** The API view of a lead, inside the caller's transaction. */
    public LeadResponse toResponse(EntityManager em, Lead lead) {
        TenantWork work = TenantWork.of(em);
        em.flush(); // the situation is read with SQL: it must see this transaction's changes
        return new Lookup(work, nextActions.plan(work, List.of(lead.id())).actions())
                .toResponse(lead);
    }

    /**
     * The lead if the caller may see it, else 404 (never another tenant's or an unassigned one).
     */
    public Lead findVisible(EntityManager em, long id) {
        Lead lead = em.find(Lead.class, id);
        if (lead == null || !visible(em, lead)) {
            throw ApiProblem.notFound("Lead " + id);
        }
        return lead;
    }

    private boolean visible(EntityManager em, Lead lead) {
        if (!onlyAssigned(em)) {
            return true;
        }
        return lead.assigneeId() != null && lead.assigneeId() == data.currentUserId();
    }

    /**
     * Whether the caller sees only the leads assigned to them (a manager of a company where
     * managers do not see all leads); everyone else sees every lead.
     */
    public boolean onlyAssigned(EntityManager em) {
        if (!"manager".equals(data.currentRole())) {
            return false;
        }
        CrmSettings settings = em.find(CrmSettings.class, CrmSettings.SINGLETON);
        return settings != null && !settings.managersSeeAll();
    }

    /** Resolves stage and people names for responses, once per request. */
    private static final class Lookup {
        private final TenantWork work;
        private final EntityManager em;
        private final Map<Long, Stage> stages = new HashMap<>();
        private final Map<Long, User> users = new HashMap<>();
        private final Map<Long, Map<String, Object>> fields = new HashMap<>();
        private final Map<Long, Map<String, String>> sources = new HashMap<>();
        private final Map<Long, NextAction> actions;

        Lookup(TenantWork work, Map<Long, NextAction> actions) {
            this.work = work;
            this.em = work.em();
            this.actions = actions;
        }

        /** The leads' fields and their sources, both columns in one statement. */
        Lookup prefetch(List<Lead> leads) {
            if (leads.isEmpty()) {
                return this;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows =
                    work.sql(
                                    "SELECT id, fields::text, field_sources::text FROM leads"
                                            + " WHERE id = ANY(CAST(?1 AS bigint[]))")
                            .setParameter(1, leads.stream().map(Lead::id).toArray(Long[]::new))
                            .getResultList();
            for (Object[] row : rows) {
                long id = ((Number) row[0]).longValue();
                fields.put(id, LeadJson.toMap(LeadJson.parseObject(String.valueOf(row[1]))));
                sources.put(id, FieldSources.parse(String.valueOf(row[2])));
            }
            return this;
        }

        LeadResponse toResponse(Lead l) {
            Stage stage = stages.computeIfAbsent(l.stageId(), id -> em.find(Stage.class, id));
            return new LeadResponse(
                    l.id(),
                    l.name(),
                    l.phone(),
                    l.city(),
                    stage == null ? null : new StageRef(stage.id(), stage.name(), stage.role()),
                    l.temperature(),
                    l.score(),
                    l.handledBy(),
                    person(l.handlerId()),
                    person(l.assigneeId()),
                    l.lastMessageAt() == null
                            ? null
                            : new LastMessage(
                                    l.lastMessageText(),
                                    l.lastMessageDirection(),
                                    l.lastMessageAt()),
                    l.waitingForReplySince(),
                    l.noReply(),
                    fields.computeIfAbsent(l.id(), id -> LeadJson.fields(work, id)),
                    l.sourceChannel(),
                    l.createdAt(),
                    l.updatedAt(),
                    l.aiEnabled(),
                    l.needsHuman(),
                    l.stageLocked(),
                    NextActionView.of(actions.get(l.id())),
                    sources.computeIfAbsent(l.id(), id -> FieldSources.of(work, id)));
        }

        private PersonRef person(Long id) {
            if (id == null) {
                return null;
            }
            User u = users.computeIfAbsent(id, key -> em.find(User.class, key));
            return u == null ? null : new PersonRef(u.id(), u.name());
        }
    }
}
