package com.buildcrm.nextaction;

import java.time.Instant;

/**
 * An open (not done) task of a lead, as the planner sees it.
 *
 * @param call whether it is a call task ("Позвонить")
 * @param dueAt when it is due; {@code null} means as soon as possible
 * @param dueText the client's own words for the time, or {@code null}
 * @param snoozedUntil not due again before this, or {@code null}
 */
public record OpenTask(
        long id,
        boolean call,
        String title,
        Instant dueAt,
        String dueText,
        Long assigneeId,
        Instant snoozedUntil) {}
