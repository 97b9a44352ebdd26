package com.buildcrm.now.situation;

import com.buildcrm.nextaction.LeadSituation;
import com.buildcrm.nextaction.NextAction;
import com.buildcrm.nextaction.NextActionPlanner;
import com.buildcrm.nextaction.PlannerSettings;
import com.buildcrm.tenancy.TenantDirectory;
import com.buildcrm.tenancy.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The next actions of many leads at one moment: their situations read in bulk ({@link
 * LeadSituations}), the tenant's planner settings read once, and the pure planner per lead. Used by
 * the lead views (one bulk read per page) and the Now queue.
 */
@ApplicationScoped
public class NextActions {

    @Inject Clock clock;
    @Inject HttpServletRequest request;
    @Inject TenantDirectory directory;

    /** For CDI. */
    protected NextActions() {}

    /** Outside a container (DB tests): this clock, the company's locale. */
    public static NextActions at(Clock clock, TenantDirectory directory) {
        NextActions actions = new NextActions();
        actions.clock = clock;
        actions.directory = directory;
        return actions;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The situations and next actions (where there is one) of these leads, at {@link #now}. */
    public Planned plan(TenantWork work, Collection<Long> leadIds) {
        Map<Long, LeadSituation> situations = LeadSituations.read(work, leadIds);
        return plan(situations, now(), settings(work));
    }

    /** The next actions of these situations (leads without one are absent from actions). */
    public static Planned plan(
            Map<Long, LeadSituation> situations, Instant now, PlannerSettings settings) {
        Map<Long, NextAction> actions = new LinkedHashMap<>();
        situations.forEach(
                (id, s) ->
                        NextActionPlanner.plan(s, now, settings)
                                .ifPresent(a -> actions.put(id, a)));
        return new Planned(situations, actions, now, settings);
    }

    /**
     * The tenant's planner settings, with the reader's language (see {@link ReaderLanguage}). The
     * zone and the company's language come from its directory entry (set at provisioning, never
     * changed).
     */
    public PlannerSettings settings(TenantWork work) {
        TenantDirectory.Entry company = directory.of(work.tenantId());
        Object days =
                work.sql("SELECT stale_after_days FROM crm_settings").getResultList().stream()
                        .findFirst()
                        .orElse(3);
        Locale locale = ReaderLanguage.resolve(acceptLanguage(), company.locale());
        return new PlannerSettings(((Number) days).intValue(), company.zone(), locale);
    }

    /** The request's Accept-Language, or null outside a request (a job, a DB test). */
    private String acceptLanguage() {
        if (request == null) {
            return null;
        }
        try {
            return request.getHeader("Accept-Language");
        } catch (RuntimeException e) {
            return null; // no active request scope
        }
    }

    /**
     * Situations and the next actions planned from them.
     *
     * @param situations by lead id, in the order asked
     * @param actions by lead id, only the leads with a next action
     */
    public record Planned(
            Map<Long, LeadSituation> situations,
            Map<Long, NextAction> actions,
            Instant now,
            PlannerSettings settings) {

        /** The leads with a next action, ranked by {@link NextActionPlanner#RANKING}. */
        public List<NextActionPlanner.Ranked> ranked() {
            return actions.entrySet().stream()
                    .map(
                            e ->
                                    new NextActionPlanner.Ranked(
                                            e.getKey(),
                                            situations.get(e.getKey()).score(),
                                            e.getValue()))
                    .sorted(NextActionPlanner.RANKING)
                    .toList();
        }
    }
}
