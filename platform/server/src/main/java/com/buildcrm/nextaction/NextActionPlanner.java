package com.buildcrm.nextaction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The next action on a lead: every rule that applies proposes an action, the most urgent one wins
 * (ties: the earlier due). Pure: no database, no clock of its own. The urgency numbers are the
 * table in ADR 018; keep both in step.
 */
public final class NextActionPlanner {

    /** Ranking of the Now queue: urgency (higher first), then score, then the earlier due. */
    public static final Comparator<Ranked> RANKING =
            Comparator.comparingInt((Ranked r) -> -r.action().urgency())
                    .thenComparingInt(r -> -r.score())
                    .thenComparing(
                            r -> r.action().dueAt(),
                            Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparingLong(Ranked::leadId);

    /** Client waiting just now; grows by one a minute up to {@link #WAITING_MAX}. */
    static final int WAITING_MIN = 70;

    /** Client waiting {@link #WAITING_FULL_MINUTES} minutes or more. */
    static final int WAITING_MAX = 100;

    static final int WAITING_FULL_MINUTES = 30;
    static final int CALL_OVERDUE = 95;
    static final int CALL_ASAP = 92;
    static final int CALL_IMMINENT = 90;
    static final int CALL_NEAR = 75;
    static final int TASK_OVERDUE = 65;
    static final int HOT_UNASSIGNED = 60;
    static final int TASK_SOON = 50;
    static final int NO_ANSWER = 40;
    static final int STALE = 30;

    /** A call due within this is "near" (CALL_DUE); later calls give nothing yet. */
    static final Duration CALL_NEAR_WINDOW = Duration.ofMinutes(60);

    /** A call due within this is "imminent" (ranks above a client who just wrote). */
    static final Duration CALL_IMMINENT_WINDOW = Duration.ofMinutes(10);

    /** A non-call task due within this is "due soon" (TASK_DUE). */
    static final Duration TASK_SOON_WINDOW = Duration.ofMinutes(15);

    private static final Comparator<NextAction> MOST_URGENT =
            Comparator.comparingInt(NextAction::urgency)
                    .reversed()
                    .thenComparing(
                            NextAction::dueAt, Comparator.nullsFirst(Comparator.naturalOrder()));

    private NextActionPlanner() {}

    /** The lead's next action at {@code now}, if any. */
    public static Optional<NextAction> plan(
            LeadSituation lead, Instant now, PlannerSettings settings) {
        if (lead.finalStage()) {
            return Optional.empty();
        }
        if (lead.snoozedUntil() != null && lead.snoozedUntil().isAfter(now)) {
            return Optional.empty();
        }
        Reasons reasons = Reasons.of(settings.locale(), settings.zone());
        List<NextAction> candidates = new ArrayList<>();
        clientWaiting(lead, now, reasons, candidates);
        calls(lead, now, reasons, candidates);
        tasks(lead, now, reasons, candidates);
        if (lead.hot() && lead.assigneeId() == null) {
            candidates.add(
                    new NextAction(
                            NextActionKind.HOT_UNASSIGNED,
                            HOT_UNASSIGNED,
                            reasons.hotUnassigned(),
                            null,
                            null));
        }
        if (lead.followUpsExhausted() && !lead.decidedSinceExhausted()) {
            candidates.add(
                    new NextAction(
                            NextActionKind.NO_ANSWER, NO_ANSWER, reasons.noAnswer(), null, null));
        }
        stale(lead, now, settings, reasons, candidates);
        return candidates.stream().min(MOST_URGENT);
    }

    /** The Now queue's order: a new list sorted by {@link #RANKING}. */
    public static List<Ranked> rank(Collection<Ranked> actions) {
        List<Ranked> sorted = new ArrayList<>(actions);
        sorted.sort(RANKING);
        return sorted;
    }

    private static void clientWaiting(
            LeadSituation lead, Instant now, Reasons reasons, List<NextAction> out) {
        Instant wrote = lead.lastClientMessageAt();
        boolean clientWroteLast =
                wrote != null
                        && (lead.lastOutboundAt() == null || wrote.isAfter(lead.lastOutboundAt()));
        if (!lead.needsHuman() && !(lead.humanLed() && clientWroteLast)) {
            return;
        }
        if (wrote == null) {
            out.add(
                    new NextAction(
                            NextActionKind.CLIENT_WAITING,
                            WAITING_MIN,
                            reasons.clientWaiting(null),
                            null,
                            null));
            return;
        }
        Duration waited = wrote.isAfter(now) ? Duration.ZERO : Duration.between(wrote, now);
        long minutes = Math.min(WAITING_FULL_MINUTES, waited.toMinutes());
        int urgency =
                WAITING_MIN + (int) (minutes * (WAITING_MAX - WAITING_MIN) / WAITING_FULL_MINUTES);
        out.add(
                new NextAction(
                        NextActionKind.CLIENT_WAITING,
                        urgency,
                        reasons.clientWaiting(waited),
                        wrote,
                        null));
    }

    private static void calls(
            LeadSituation lead, Instant now, Reasons reasons, List<NextAction> out) {
        boolean anyCallTask = false;
        for (OpenTask task : lead.openTasks()) {
            if (!task.call()) {
                continue;
            }
            anyCallTask = true;
            if (snoozed(task, now)) {
                continue;
            }
            if (task.dueAt() == null) {
                out.add(
                        new NextAction(
                                NextActionKind.CALL_DUE,
                                CALL_ASAP,
                                reasons.callAsap(task.dueText()),
                                null,
                                task.id()));
                continue;
            }
            Duration ahead = Duration.between(now, task.dueAt());
            if (ahead.compareTo(CALL_NEAR_WINDOW) > 0) {
                continue;
            }
            int urgency;
            if (!task.dueAt().isAfter(now)) {
                urgency = CALL_OVERDUE;
            } else if (ahead.compareTo(CALL_IMMINENT_WINDOW) <= 0) {
                urgency = CALL_IMMINENT;
            } else {
                urgency = CALL_NEAR;
            }
            out.add(
                    new NextAction(
                            NextActionKind.CALL_DUE,
                            urgency,
                            reasons.call(task.dueAt(), now),
                            task.dueAt(),
                            task.id()));
        }
        if (lead.callRequested() && !anyCallTask) {
            out.add(
                    new NextAction(
                            NextActionKind.CALL_DUE,
                            CALL_ASAP,
                            reasons.callAsap(null),
                            null,
                            null));
        }
    }

    private static void tasks(
            LeadSituation lead, Instant now, Reasons reasons, List<NextAction> out) {
        for (OpenTask task : lead.openTasks()) {
            if (task.call() || snoozed(task, now)) {
                continue;
            }
            Instant due = task.dueAt();
            int urgency;
            if (due == null || !due.isAfter(now)) {
                urgency = TASK_OVERDUE;
            } else if (Duration.between(now, due).compareTo(TASK_SOON_WINDOW) <= 0) {
                urgency = TASK_SOON;
            } else {
                continue;
            }
            out.add(
                    new NextAction(
                            NextActionKind.TASK_DUE,
                            urgency,
                            reasons.task(task.title(), due, now),
                            due,
                            task.id()));
        }
    }

    private static void stale(
            LeadSituation lead,
            Instant now,
            PlannerSettings settings,
            Reasons reasons,
            List<NextAction> out) {
        Instant last = lead.lastActivityAt();
        if (last == null || settings.staleAfterDays() <= 0) {
            return;
        }
        Instant staleFrom = last.plus(Duration.ofDays(settings.staleAfterDays()));
        if (staleFrom.isAfter(now)) {
            return;
        }
        long days = Duration.between(last, now).toDays();
        out.add(new NextAction(NextActionKind.STALE, STALE, reasons.stale(days), staleFrom, null));
    }

    private static boolean snoozed(OpenTask task, Instant now) {
        return task.snoozedUntil() != null && task.snoozedUntil().isAfter(now);
    }

    /** A lead's next action with what ranks it. */
    public record Ranked(long leadId, int score, NextAction action) {}
}
