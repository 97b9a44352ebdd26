package com.buildcrm.board;

import com.buildcrm.board.BoardViews.BoardResponse;
import com.buildcrm.lead.LeadFilterParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The Kanban board of the caller's company. */
@Path("api/crm/board")
@Produces(MediaType.APPLICATION_JSON)
public class BoardResource {

    @Inject BoardService board;

    @GET
    @RolesAllowed({"owner", "rop", "manager"})
    @Operation(
            summary = "Every stage in order with its lead count and first page of leads",
            description =
                    "Takes the same filters as GET /api/crm/leads. Each column's leads are sorted by"
                            + " score, then last activity. To scroll a column, call GET"
                            + " /api/crm/leads?stage=<column's stage id>&sort=score&cursor=<nextCursor>"
                            + " with the same filters.")
    public BoardResponse board(
            @QueryParam("stage") @Parameter(description = "Stage id") String stage,
            @QueryParam("temperature") @Parameter(description = "HOT, WARM or COLD")
                    String temperature,
            @QueryParam("assignee")
                    @Parameter(description = "A user id, `none` (unassigned) or `me`")
                    String assignee,
            @QueryParam("handledBy")
                    @Parameter(description = "`ai` or `human`: who leads the conversation now")
                    String handledBy,
            @QueryParam("noReply")
                    @Parameter(
                            description = "`true` or `false`: the lead did not answer follow-ups")
                    String noReply,
            @QueryParam("city") @Parameter(description = "City, case-insensitive exact match")
                    String city,
            @QueryParam("from")
                    @Parameter(
                            description =
                                    "Created at or after: an ISO date (that day's start in the"
                                            + " company's time zone) or an ISO date-time with offset")
                    String from,
            @QueryParam("to")
                    @Parameter(
                            description =
                                    "Created before: an ISO date (inclusive: the whole day in the"
                                            + " company's time zone) or an ISO date-time (exclusive)")
                    String to,
            @QueryParam("q")
                    @Parameter(description = "Text in name, phone (digits), city or last message")
                    String q,
            @QueryParam("limit")
                    @DefaultValue("20")
                    @Parameter(description = "leads per column, 1 to 200")
                    int limit) {
        return board.board(
                LeadFilterParams.of(
                        stage, temperature, assignee, handledBy, noReply, city, from, to, q),
                limit);
    }
}
