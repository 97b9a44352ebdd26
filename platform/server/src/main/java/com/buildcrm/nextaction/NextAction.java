package com.buildcrm.nextaction;

import java.time.Instant;

/**
 * At most one next action on a lead.
 *
 * @param kind what it is about
 * @param urgency 0–100, higher first; the Now queue ranks by urgency, then the lead's score
 * @param reason one sentence in the user's language ("Клиент ждёт ответа 12 мин")
 * @param dueAt when it is (was) due, or {@code null} when it is due now
 * @param taskId the task it comes from (CALL_DUE or TASK_DUE from a task), or {@code null}
 */
public record NextAction(
        NextActionKind kind, int urgency, String reason, Instant dueAt, Long taskId) {}
