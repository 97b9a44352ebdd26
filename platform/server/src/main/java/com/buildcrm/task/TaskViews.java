package com.buildcrm.task;

import com.buildcrm.lead.LeadViews.PersonRef;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.OffsetDateTime;

/** Tasks as the CRM receives them. */
public final class TaskViews {
    private TaskViews() {}

    /**
     * A task on a lead.
     *
     * @param kind {@code CALL} or {@code TODO}
     * @param dueAt when it is due (UTC), or {@code null}: as soon as possible
     * @param dueText the client's own words for the time (AI call tasks), else {@code null}
     * @param assignee who should do it, or {@code null}
     * @param source {@code AI} (created when the lead asked for a call) or {@code USER}
     *     <p>Null members are written as {@code null} (the contract shape), not left out.
     */
    @JsonbNillable
    public record TaskView(
            long id,
            long leadId,
            String kind,
            String title,
            String note,
            OffsetDateTime dueAt,
            String dueText,
            @JsonbNillable PersonRef assignee,
            boolean done,
            OffsetDateTime doneAt,
            String source,
            OffsetDateTime createdAt) {}
}
