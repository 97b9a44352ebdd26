package com.buildcrm.live;

import com.buildcrm.identity.SessionChange;
import com.buildcrm.identity.SessionGuard;
import com.buildcrm.settings.CrmSettings;
import com.buildcrm.tenancy.TenantDirectory;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This instance's open event streams, by tenant, and a short memory of each tenant's recent events
 * (the last {@value #RECENT_MAX} within {@link #RECENT_AGE}) so a reconnecting client with {@code
 * Last-Event-ID} gets what it missed; older than that it is told to resync (refetch).
 */
@ApplicationScoped
public class LiveHub {

    static final int RECENT_MAX = 500;
    static final Duration RECENT_AGE = Duration.ofMinutes(10);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private static final Logger LOG = Logger.getLogger(LiveHub.class.getName());
    @Inject TenantTransactions tenantTx;
    @Inject Clock clock;
    @Inject SessionGuard guard;
    @Inject TenantDirectory directory;

    private final Map<Long, Tenant> tenants = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService heartbeat;

    /** A tenant's streams and recent events; guarded by its own monitor. */
    private static final class Tenant {
        final ArrayDeque<LiveMessage> recent = new ArrayDeque<>();
        final Set<LiveStream> streams = new CopyOnWriteArraySet<>();
    }

    void start(ManagedThreadFactory threads) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(threads);
        s.scheduleWithFixedDelay(
                this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
        heartbeat = s;
    }

    void stop() {
        ScheduledExecutorService s = heartbeat;
        if (s != null) {
            s.shutdownNow();
        }
        tenants.values().forEach(t -> t.streams.forEach(LiveStream::close));
    }

    /**
     * The instance is shutting down: every stream gets a last comment with a {@code retry:} hint
     * (the client reconnects after {@code reconnect}, through the proxy to another instance, and
     * replays what it missed with {@code Last-Event-ID}) and is closed.
     *
     * @return how many streams were closed
     */
    public int closeAllForShutdown(Duration reconnect) {
        int closed = 0;
        for (Tenant t : tenants.values()) {
            synchronized (t) {
                for (LiveStream s : t.streams) {
                    s.closeWithRetry(reconnect);
                    closed++;
                }
                t.streams.clear();
            }
        }
        return closed;
    }

    /**
     * Opens a stream: replays what the client missed since {@code lastEventId} (or tells it to
     * resync when that is no longer remembered), then keeps it for new events.
     */
    void subscribe(LiveStream stream, String lastEventId) {
        Tenant t = tenants.computeIfAbsent(stream.viewer().tenant().id(), id -> new Tenant());
        synchronized (t) {
            stream.comment("connected");
            if (lastEventId != null && !lastEventId.isBlank()) {
                prune(t);
                List<LiveMessage> missed = null;
                boolean found = false;
                for (LiveMessage m : t.recent) {
                    if (found) {
                        missed.add(m);
                    } else if (m.id().equals(lastEventId.strip())) {
                        found = true;
                        missed = new ArrayList<>();
                    }
                }
                if (!found) {
                    stream.resync("events after " + lastEventId.strip() + " are no longer kept");
                } else {
                    for (LiveMessage m : missed) {
                        if (visible(stream, m)) {
                            stream.send(m);
                        }
                    }
                }
            }
            t.streams.add(stream);
        }
    }

    /**
     * An event from the database feed: remembered and sent to the tenant's streams that may see it.
     */
    void deliver(LiveMessage m) {
        Tenant t = tenants.computeIfAbsent(m.tenantId(), id -> new Tenant());
        synchronized (t) {
            t.recent.addLast(m);
            prune(t);
            Long assignee = null;
            boolean assigneeKnown = false;
            for (Iterator<LiveStream> it = t.streams.iterator(); it.hasNext(); ) {
                LiveStream s = it.next();
                if (!s.open()) {
                    t.streams.remove(s);
                    continue;
                }
                if (s.viewer().onlyAssigned()) {
                    if (!assigneeKnown) {
                        assignee = assigneeOf(s, m.leadId());
                        assigneeKnown = true;
                    }
                    if (assignee == null || assignee != s.viewer().userId()) {
                        continue;
                    }
                }
                s.send(m);
            }
        }
    }

    /** Every open stream is told to refetch (events may have been lost). */
    void resyncAll(String reason) {
        tenants.values()
                .forEach(
                        t -> {
                            synchronized (t) {
                                t.recent.clear();
                                t.streams.forEach(s -> s.resync(reason));
                            }
                        });
    }

    /**
     * A session change signalled by some instance ({@code NOTIFY buildcrm_session}), handled on the
     * listener thread in order with the events: a disabled, demoted or logged-out user's streams
     * end, a suspended company's streams end, and managers' streams follow the company's "managers
     * see all" setting from the next event on.
     */
    void changed(SessionChange change) {
        guard.invalidateAll();
        switch (change.kind()) {
            case SESSION ->
                    tenants.forEach(
                            (id, t) ->
                                    recheck(
                                            id,
                                            t,
                                            s ->
                                                    change.session()
                                                            .toString()
                                                            .equals(s.viewer().session())));
            case USER, TENANT, SETTINGS -> {
                Tenant t = tenants.get(change.tenantId());
                if (t != null) {
                    recheck(
                            change.tenantId(),
                            t,
                            s ->
                                    change.kind() != SessionChange.Kind.USER
                                            || s.viewer().userId() == change.id());
                }
            }
            default -> {
                // operators hold no streams
            }
        }
    }

    /** Every stream is checked again (after the session signals may have been missed). */
    void recheckAll() {
        guard.invalidateAll();
        tenants.forEach((id, t) -> recheck(id, t, s -> true));
    }

    /**
     * Ends the streams (among those {@code concerned}) whose session no longer stands and
     * re-filters managers' streams by the company's current setting.
     */
    private void recheck(long tenantId, Tenant t, Predicate<LiveStream> concerned) {
        List<LiveStream> affected = t.streams.stream().filter(concerned).toList();
        if (affected.isEmpty()) {
            return;
        }
        synchronized (t) {
            boolean tenantActive = directory.byId(tenantId).map(e -> e.active()).orElse(false);
            Boolean managersSeeAll = null;
            for (LiveStream s : affected) {
                LiveViewer v = s.viewer();
                if (!tenantActive
                        || !s.open()
                        || guard.userProblem(v.tenant(), v.userId(), v.role(), v.session())
                                != null) {
                    s.close();
                    t.streams.remove(s);
                    continue;
                }
                if ("manager".equals(v.role())) {
                    if (managersSeeAll == null) {
                        managersSeeAll = managersSeeAll(v.tenant());
                    }
                    if (v.onlyAssigned() == managersSeeAll) {
                        s.viewer(v.withOnlyAssigned(!managersSeeAll));
                    }
                }
            }
        }
    }

    private boolean managersSeeAll(TenantRef tenant) {
        return tenantTx.in(
                tenant,
                work -> {
                    EntityManager em = work.em();
                    CrmSettings settings = em.find(CrmSettings.class, CrmSettings.SINGLETON);
                    return settings == null || settings.managersSeeAll();
                });
    }

    private boolean visible(LiveStream s, LiveMessage m) {
        if (!s.viewer().onlyAssigned()) {
            return true;
        }
        Long assignee = assigneeOf(s, m.leadId());
        return assignee != null && assignee == s.viewer().userId();
    }

    private Long assigneeOf(LiveStream s, long leadId) {
        return tenantTx.in(
                s.viewer().tenant(),
                work -> {
                    EntityManager em = work.em();
                    @SuppressWarnings("unchecked")
                    List<Object> rows =
                            em.createNativeQuery("SELECT assignee_id FROM leads WHERE id = ?1")
                                    .setParameter(1, leadId)
                                    .getResultList();
                    return rows.isEmpty() || rows.get(0) == null
                            ? null
                            : ((Number) rows.get(0)).longValue();
                });
    }

    private void prune(Tenant t) {
        Instant oldest = clock.instant().minus(RECENT_AGE);
        while (!t.recent.isEmpty()
                && (t.recent.size() > RECENT_MAX || t.recent.peekFirst().at().isBefore(oldest))) {
            t.recent.removeFirst();
        }
    }

    /** Keeps idle streams alive, notices gone clients, and ends streams whose token expired. */
    private void beat() {
        try {
            Instant now = clock.instant();
            tenants.values()
                    .forEach(
                            t ->
                                    t.streams.forEach(
                                            s -> {
                                                if (s.expired(now)) {
                                                    s.close();
                                                } else {
                                                    s.comment("heartbeat");
                                                }
                                                if (!s.open()) {
                                                    t.streams.remove(s);
                                                }
                                            }));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "live heartbeat failed", e);
        }
    }

    /** Open streams of a tenant on this instance (for health and tests). */
    int streams(long tenantId) {
        Tenant t = tenants.get(tenantId);
        return t == null ? 0 : t.streams.size();
    }
}
