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
import java.util.List;
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

    public List<TenantResponse> list() {
        return storage.transactions()
                .inPlatform(
                        em ->
                                em
                                        .createQuery(
                                                "SELECT t FROM Tenant t ORDER BY t.createdAt DESC, t.id DESC",
                                                Tenant.class)
                                        .getResultList()
                                        .stream()
                                        .map(t -> toResponse(em, t))
                                        .toList());
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

    private TenantResponse toResponse(EntityManager em, Tenant t) {
        List<?> version =
                em.createNativeQuery(
                                "SELECT version FROM platform.tenant_schema_versions WHERE tenant_id = ?1")
                        .setParameter(1, t.id())
                        .getResultList();
        return new TenantResponse(
                t.id(),
                t.slug(),
                t.name(),
                t.status().name(),
                t.timezone(),
                t.locale(),
                t.pluginId(),
                version.isEmpty() ? null : (String) version.get(0),
                new OwnerSummary(t.ownerName(), t.ownerEmail()),
                t.createdAt(),
                t.updatedAt(),
                t.provisioningStep(),
                channelSummary(em, t.id()),
                leadsToday(em, t));
    }

    /** A tenant's channel and its delivery health: a typed projection of {@link #COLUMNS}. */
    private record ChannelRow(
            String provider,
            OffsetDateTime lastInboundAt,
            String lastError,
            OffsetDateTime lastErrorAt) {

        /** The select list {@link #of} reads, in its order. */
        static final String COLUMNS = "provider, last_inbound_at, last_error, last_error_at";

        static ChannelRow of(Object[] r) {
            return new ChannelRow((String) r[0], toTime(r[1]), (String) r[2], toTime(r[3]));
        }
    }

    private static ChannelSummary channelSummary(EntityManager em, long tenantId) {
        List<?> rows =
                em.createNativeQuery(
                                "SELECT "
                                        + ChannelRow.COLUMNS
                                        + " FROM platform.channels WHERE tenant_id = ?1")
                        .setParameter(1, tenantId)
                        .getResultList();
        if (rows.isEmpty()) {
            return new ChannelSummary(null, "none", null, null, null);
        }
        ChannelRow r = ChannelRow.of((Object[]) rows.get(0));
        OffsetDateTime lastInbound = r.lastInboundAt();
        OffsetDateTime lastErrorAt = r.lastErrorAt();
        String lastError = r.lastError();
        boolean failing =
                lastError != null
                        && lastErrorAt != null
                        && (lastInbound == null || lastErrorAt.isAfter(lastInbound));
        return new ChannelSummary(
                r.provider(), failing ? "error" : "ok", lastInbound, lastError, lastErrorAt);
    }

    /**
     * Leads created since midnight in the tenant's time zone, read from its own schema through
     * {@link CrossTenantReads} (an operator-wide read); null while the schema is not provisioned.
     */
    private Long leadsToday(EntityManager em, Tenant t) {
        ZoneId zone;
        try {
            zone = ZoneId.of(t.timezone() == null ? "UTC" : t.timezone());
        } catch (java.time.DateTimeException e) {
            zone = ZoneOffset.UTC;
        }
        OffsetDateTime midnight =
                clock.instant().atZone(zone).toLocalDate().atStartOfDay(zone).toOffsetDateTime();
        return CrossTenantReads.leadsCreatedSince(em, t.id(), midnight);
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
