package com.buildcrm.tenant;

import com.buildcrm.audit.AuditLog;
import com.buildcrm.audit.AuditLog.Actor;
import com.buildcrm.pack.PackHost;
import com.buildcrm.pack.PackInfo;
import com.buildcrm.provisioner.InvalidTenantRequestException;
import com.buildcrm.provisioner.NewOwner;
import com.buildcrm.provisioner.NewTenant;
import com.buildcrm.provisioner.ProvisionResult;
import com.buildcrm.tenancy.CrossTenantReads;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantDirectory;
import com.buildcrm.tenancy.TenantSchemaUpgrades;
import com.buildcrm.tenant.TenantRequests.ChannelSummary;
import com.buildcrm.tenant.TenantRequests.CreateTenantRequest;
import com.buildcrm.tenant.TenantRequests.OwnerSummary;
import com.buildcrm.tenant.TenantRequests.TenantResponse;
import com.buildcrm.web.ApiProblem;
import com.buildcrm.web.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operator's use cases on tenants: create (provisions the schema), list, get, suspend, resume.
 */
@ApplicationScoped
public class TenantAdminService {

    @Inject Storage storage;
    @Inject TenantSchemaUpgrades upgrades;
    @Inject Clock clock;
    @Inject PackHost packs;
    @Inject Event<TenantStatusChanged> statusChanged;

    public TenantResponse create(CreateTenantRequest request, Actor actor) {
        String pack =
                request.pack == null || request.pack.isBlank()
                        ? PackHost.DEFAULT_PACK
                        : request.pack;
        if (!packs.known(pack)) {
            throw ApiProblem.invalidField(
                    "pack",
                    "unknown pack; one of "
                            + packs.available().stream().map(PackInfo::id).toList());
        }
        boolean taken =
                storage.transactions()
                        .inPlatform(
                                em ->
                                        !em.createQuery(
                                                        "SELECT t.id FROM Tenant t WHERE t.slug = :slug")
                                                .setParameter("slug", request.slug)
                                                .getResultList()
                                                .isEmpty());
        if (taken) {
            throw ApiProblem.conflict(
                    "slug-taken", "A company with the code '" + request.slug + "' already exists");
        }
        ProvisionResult result;
        try {
            result =
                    upgrades.provisioner()
                            .create(
                                    new NewTenant(
                                            request.slug,
                                            request.name.trim(),
                                            request.timezone,
                                            request.locale,
                                            pack,
                                            new NewOwner(
                                                    request.owner.name.trim(),
                                                    request.owner.email.trim(),
                                                    request.owner.password)));
        } catch (InvalidTenantRequestException e) {
            throw ApiProblem.badRequest(
                    "The request has invalid fields",
                    e.errors().stream().map(f -> new FieldError(f.field(), f.message())).toList());
        }
        if (result.outcome() == ProvisionResult.Outcome.ALREADY_EXISTS) {
            throw ApiProblem.conflict(
                    "slug-taken", "A company with the code '" + request.slug + "' already exists");
        }
        long id = result.tenantId();
        storage.transactions()
                .inPlatformDo(
                        em ->
                                AuditLog.record(
                                        em,
                                        actor,
                                        id,
                                        "tenant.create",
                                        request.slug,
                                        Map.of("pack", pack, "ownerEmail", request.owner.email)));
        return get(id);
    }

    /** A page of the operator's tenant list and how many tenants match its search. */
    public record TenantPage(List<TenantResponse> items, long total) {}

    /** The largest page {@link #list} serves. */
    public static final int MAX_PAGE = 200;

    /**
     * Tenants newest first, optionally filtered by {@code q} (a case-insensitive part of the code,
     * the name or the owner's email) and paged; {@code limit} null means every matching tenant. A
     * page costs three statements whatever its size (ADR 041): the page with its platform figures,
     * the tenant rows, and the leads created today across the page's schemas.
     */
    public TenantPage list(String q, Integer limit, int offset) {
        if (limit != null && (limit < 1 || limit > MAX_PAGE)) {
            throw ApiProblem.invalidField("limit", "between 1 and " + MAX_PAGE);
        }
        if (offset < 0) {
            throw ApiProblem.invalidField("offset", "0 or more");
        }
        String pattern = likePattern(q);
        return storage.transactions()
                .inPlatform(
                        em -> {
                            List<Object[]> rows =
                                    rows(
                                            em,
                                            SEARCH
                                                    + " ORDER BY t.created_at DESC, t.id DESC"
                                                    + " LIMIT CAST(?2 AS bigint) OFFSET ?3",
                                            pattern,
                                            limit == null ? null : Long.valueOf(limit),
                                            (long) offset);
                            long total =
                                    rows.isEmpty()
                                            ? ((Number)
                                                            em.createNativeQuery(
                                                                            "SELECT count(*) FROM"
                                                                                    + " platform.tenants t"
                                                                                    + SEARCH)
                                                                    .setParameter(1, pattern)
                                                                    .getSingleResult())
                                                    .longValue()
                                            : ((Number) rows.get(0)[PageRow.TOTAL]).longValue();
                            return new TenantPage(responses(em, rows), total);
                        });
    }

    public TenantResponse get(long id) {
        return storage.transactions().inPlatform(em -> toResponse(em, find(em, id)));
    }

    public TenantResponse suspend(long id, Actor actor) {
        return changeStatus(id, actor, "tenant.suspend");
    }

    public TenantResponse resume(long id, Actor actor) {
        return changeStatus(id, actor, "tenant.resume");
    }

    private TenantResponse changeStatus(long id, Actor actor, String action) {
        TenantResponse changed =
                storage.transactions()
                        .inPlatform(
                                em -> {
                                    Tenant tenant = find(em, id);
                                    try {
                                        if (action.equals("tenant.suspend")) {
                                            tenant.suspend(now());
                                        } else {
                                            tenant.resume(now());
                                        }
                                    } catch (IllegalStateException e) {
                                        throw ApiProblem.conflict("tenant-state", e.getMessage());
                                    }
                                    AuditLog.record(em, actor, id, action, tenant.slug(), Map.of());
                                    em.flush();
                                    return toResponse(em, tenant);
                                });
        // open event streams of a suspended company end on every instance
        statusChanged.fire(new TenantStatusChanged(id));
        return changed;
    }

    private static Tenant find(EntityManager em, long id) {
        Tenant tenant = em.find(Tenant.class, id);
        if (tenant == null) {
            throw ApiProblem.notFound("Tenant " + id);
        }
        return tenant;
    }

    /** The search of {@link #list}: ?1 is a lower-case LIKE pattern or null for every tenant. */
    private static final String SEARCH =
            " WHERE CAST(?1 AS text) IS NULL OR lower(t.slug) LIKE ?1 ESCAPE '!'"
                    + " OR lower(t.name) LIKE ?1 ESCAPE '!'"
                    + " OR lower(coalesce(t.owner_email, '')) LIKE ?1 ESCAPE '!'";

    /**
     * The platform-side figures of a set of tenants, one row each: {@link PageRow} names the
     * columns. {@code where} selects and orders the set; its parameters follow.
     */
    private static List<Object[]> rows(EntityManager em, String where, Object... parameters) {
        var query =
                em.createNativeQuery(
                        "SELECT t.id, count(*) OVER (), v.version, t.schema_name,"
                                + " to_regclass(t.schema_name || '.leads') IS NOT NULL, "
                                + PageRow.CHANNEL_COLUMNS
                                + " FROM platform.tenants t"
                                + " LEFT JOIN platform.tenant_schema_versions v ON v.tenant_id = t.id"
                                + " LEFT JOIN platform.channels c ON c.tenant_id = t.id"
                                + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    /** The columns {@link #rows} selects, in its order. */
    private static final class PageRow {
        static final int ID = 0;
        static final int TOTAL = 1;
        static final int VERSION = 2;
        static final int SCHEMA = 3;
        static final int HAS_LEADS = 4;
        static final int CHANNEL = 5;
        static final String CHANNEL_COLUMNS =
                "c.provider, c.last_inbound_at, c.last_error, c.last_error_at";

        private PageRow() {}
    }

    private TenantResponse toResponse(EntityManager em, Tenant t) {
        return responses(em, rows(em, " WHERE t.id = ?1", t.id())).get(0);
    }

    /** Responses for rows of {@link #rows}, in their order: two more statements for any count. */
    private List<TenantResponse> responses(EntityManager em, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> ((Number) r[PageRow.ID]).longValue()).toList();
        Map<Long, Tenant> tenants = new HashMap<>();
        for (Tenant t :
                em.createQuery("SELECT t FROM Tenant t WHERE t.id IN :ids", Tenant.class)
                        .setParameter("ids", ids)
                        .getResultList()) {
            tenants.put(t.id(), t);
        }
        List<CrossTenantReads.Since> wanted = new ArrayList<>();
        for (Object[] r : rows) {
            if (Boolean.TRUE.equals(r[PageRow.HAS_LEADS])) {
                Tenant t = tenants.get(((Number) r[PageRow.ID]).longValue());
                wanted.add(
                        new CrossTenantReads.Since(
                                t.id(), (String) r[PageRow.SCHEMA], midnight(t)));
            }
        }
        Map<Long, Long> today = CrossTenantReads.leadsCreatedSince(em, wanted);
        List<TenantResponse> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Tenant t = tenants.get(((Number) r[PageRow.ID]).longValue());
            out.add(
                    new TenantResponse(
                            t.id(),
                            t.slug(),
                            t.name(),
                            t.status().name(),
                            t.timezone(),
                            t.locale(),
                            t.pluginId(),
                            (String) r[PageRow.VERSION],
                            new OwnerSummary(t.ownerName(), t.ownerEmail()),
                            t.createdAt(),
                            t.updatedAt(),
                            t.provisioningStep(),
                            channelSummary(r),
                            today.get(t.id())));
        }
        return out;
    }

    /** A search text as a lower-case LIKE pattern (its own % and _ taken literally), or null. */
    static String likePattern(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String text = q.trim().toLowerCase(Locale.ROOT);
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** A tenant's channel and its delivery health, from the channel columns of a page row. */
    private static ChannelSummary channelSummary(Object[] row) {
        String provider = (String) row[PageRow.CHANNEL];
        if (provider == null) {
            return new ChannelSummary(null, "none", null, null, null);
        }
        OffsetDateTime lastInbound = toTime(row[PageRow.CHANNEL + 1]);
        String lastError = (String) row[PageRow.CHANNEL + 2];
        OffsetDateTime lastErrorAt = toTime(row[PageRow.CHANNEL + 3]);
        boolean failing =
                lastError != null
                        && lastErrorAt != null
                        && (lastInbound == null || lastErrorAt.isAfter(lastInbound));
        return new ChannelSummary(
                provider, failing ? "error" : "ok", lastInbound, lastError, lastErrorAt);
    }

    /** Midnight today in the tenant's time zone (UTC when the zone is unreadable). */
    private OffsetDateTime midnight(Tenant t) {
        ZoneId zone = TenantDirectory.zoneOf(t.timezone());
        return clock.instant().atZone(zone).toLocalDate().atStartOfDay(zone).toOffsetDateTime();
    }

    static OffsetDateTime toTime(Object value) {
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

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
