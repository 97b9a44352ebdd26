package com.buildcrm.board;

import com.buildcrm.lead.LeadViews.LeadResponse;
import com.buildcrm.web.LargeAnswer;
import java.util.List;

/** The board as the CRM receives it. */
public final class BoardViews {
    private BoardViews() {}

    public record BoardResponse(List<ColumnResponse> columns) implements LargeAnswer {}

    /**
     * One stage's column: {@code count} visible leads match the filters — at most {@link
     * com.buildcrm.lead.LeadService#COUNT_CAP}; when more match, {@code count} is the cap and
     * {@code countCapped} is true (ADR 043); {@code leads} is the first page; {@code nextCursor}
     * continues it on {@code GET /api/crm/leads?stage=<id>&sort=score} with the same filters (null
     * when there is no more).
     */
    public record ColumnResponse(
            StageCard stage,
            long count,
            boolean countCapped,
            List<LeadResponse> leads,
            String nextCursor) {}

    public record StageCard(long id, String name, String role, int position, String color) {}
}
