package com.buildcrm.lead;

import com.buildcrm.lead.LeadViews.LeadPage;
import com.buildcrm.lead.LeadViews.LeadResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Leads of the caller's company (list with cursor paging, and one lead). */
@Path("api/crm/leads")
@Produces(MediaType.APPLICATION_JSON)
public class LeadResource {

    @Inject LeadService leads;
    @Inject LeadEdits edits;

    @GET
    @RolesAllowed({"owner", "rop", "manager"})
    @Operation(
            summary = "Leads matching the filters, one page",
            description =
                    "Keyset paging: pass `nextCursor` back as `cursor` with the same filters and sort"
                            + " (a cursor of another sort is a 400). Orders: `score` (default: score,"
                            + " then last activity, newest first), `lastActivity`, `createdAt` (newest"
                            + " first). `total` counts every lead matching the filters. A manager of a"
                            + " company where managers see only their own leads gets only leads assigned"
                            + " to them. Invalid parameters: 400 with `errors[]` naming each one."
                            + " Each lead carries `nextAction` ({kind, reason, urgency, dueAt,"
                            + " taskId}, or null: nothing to do now), the same as in"
                            + " `GET /api/crm/now`.")
    public LeadPage list(
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
            @QueryParam("sort")
                    @Parameter(description = "score (default), lastActivity or createdAt")
                    String sort,
            @QueryParam("cursor") @Parameter(description = "`nextCursor` of the previous page")
                    String cursor,
            @QueryParam("limit")
                    @DefaultValue("50")
                    @Parameter(description = "1 to 200, default 50")
                    int limit) {
        return leads.list(
                LeadFilterParams.of(
                        stage, temperature, assignee, handledBy, noReply, city, from, to, q),
                sort,
                cursor,
                limit);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"owner", "rop", "manager"})
    public LeadResponse get(@PathParam("id") long id) {
        return leads.get(id);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"owner", "rop", "manager"})
    public LeadResponse patch(@PathParam("id") long id, @Valid @NotNull LeadEdits.LeadPatch patch) {
        return edits.patch(id, patch);
    }

    /** The lead's history, newest first: stage moves, score changes, fields, handoffs, edits. */
    @GET
    @Path("{id}/events")
    @RolesAllowed({"owner", "rop", "manager"})
    public List<LeadJson.EventView> events(
            @PathParam("id") long id,
            @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return edits.events(id, before, limit);
    }
}
