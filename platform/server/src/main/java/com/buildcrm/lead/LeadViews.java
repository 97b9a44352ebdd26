package com.buildcrm.lead;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

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
            boolean stageLockedByHuman) {}

    public record StageRef(long id, String name, String role) {}

    public record PersonRef(long id, String name) {}

    public record LastMessage(String text, String direction, OffsetDateTime at) {}

    /**
     * A page of leads; {@code nextCursor} is null on the last page; {@code total} counts all leads
     * matching the filters (every page).
     */
    public record LeadPage(List<LeadResponse> items, String nextCursor, long total) {}
}
