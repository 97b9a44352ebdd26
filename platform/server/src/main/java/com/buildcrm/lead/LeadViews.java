package com.buildcrm.lead;

import com.buildcrm.nextaction.NextAction;
import com.buildcrm.web.LargeAnswer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The lead as the CRM receives it (API.md "Lead"). */
public final class LeadViews {
    private LeadViews() {}

    public record LeadResponse(
            long id,
            String name,
            String phone,
            String city,
            StageRef stage,
            String temperature,
            int score,
            String handledBy,
            PersonRef handler,
            PersonRef assignee,
            LastMessage lastMessage,
            OffsetDateTime waitingForReplySince,
            boolean noReply,
            Map<String, Object> fields,
            String source,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            boolean aiEnabled,
            boolean needsHuman,
            boolean stageLockedByHuman,
            NextActionView nextAction,
            @Schema(
                            description =
                                    "Where each value in fields (and the name) came from: CLIENT"
                                            + " (the client said it, the AI manager extracted it),"
                                            + " PROFILE (the WhatsApp profile name) or PERSON (a CRM"
                                            + " user edited it; the AI never overwrites it). A key"
                                            + " without an entry has no recorded source.",
                            example = "{\"name\": \"CLIENT\", \"city\": \"PERSON\"}")
                    Map<String, String> fieldSources) {}

    /**
     * What to do next with the lead (the next-action planner), or absent on the lead when there is
     * nothing to do now.
     *
     * @param kind CLIENT_WAITING, CALL_DUE, TASK_DUE, HOT_UNASSIGNED, NO_ANSWER or STALE
     * @param reason one sentence in the reader's language
     * @param urgency 0–100, higher first
     * @param dueAt when it is (was) due, or null when it is due now
     * @param taskId the task it comes from, or null
     */
    public record NextActionView(
            String kind, String reason, int urgency, OffsetDateTime dueAt, Long taskId) {

        /** The view of a planned action; null for none. */
        public static NextActionView of(NextAction a) {
            return a == null
                    ? null
                    : new NextActionView(
                            a.kind().name(),
                            a.reason(),
                            a.urgency(),
                            a.dueAt() == null ? null : a.dueAt().atOffset(ZoneOffset.UTC),
                            a.taskId());
        }
    }

    public record StageRef(long id, String name, String role) {}

    public record PersonRef(long id, String name) {}

    public record LastMessage(String text, String direction, OffsetDateTime at) {}

    /**
     * A page of leads; {@code nextCursor} is null on the last page; {@code total} counts all leads
     * matching the filters (every page) up to {@link LeadService#COUNT_CAP}: when more match,
     * {@code total} is the cap and {@code totalCapped} is true (the CRM shows «1 000+»; ADR 043).
     */
    public record LeadPage(
            List<LeadResponse> items, String nextCursor, long total, boolean totalCapped)
            implements LargeAnswer {

        /** A page whose total is not counted (-1). */
        public static LeadPage uncounted(List<LeadResponse> items, String nextCursor) {
            return new LeadPage(items, nextCursor, -1, false);
        }
    }
}
