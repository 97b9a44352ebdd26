package com.buildcrm.now;

import com.buildcrm.now.NowService.NowItem;
import com.buildcrm.now.NowService.TeamMember;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The "Now" queue: what to do next, most urgent first. */
@Path("api/crm/now")
@Produces(MediaType.APPLICATION_JSON)
public class NowResource {

    @Inject NowService now;

    @GET
    @RolesAllowed({"owner", "rop", "manager"})
    @Operation(
            summary = "The ranked queue of next actions",
            description =
                    "Every lead the caller may see that has a next action now, as `[{lead, action}]`:"
                            + " `lead` is the Lead as `GET /api/crm/leads` returns it (with its"
                            + " `nextAction`), `action` is `{kind, reason, urgency, dueAt, taskId}`"
                            + " (kind: CLIENT_WAITING, CALL_DUE, TASK_DUE, HOT_UNASSIGNED,"
                            + " NO_ANSWER, STALE; urgency 0–100; dueAt an ISO instant or null ="
                            + " now; taskId the task it comes from or null). Ranked by urgency"
                            + " (highest first), then the lead's score, then the earlier due time."
                            + " At most 200 items (the most urgent). `scope=me` (default): leads"
                            + " assigned to the caller plus unassigned leads the caller may see (a"
                            + " manager who sees only their own leads gets no unassigned ones);"
                            + " `scope=team`: every lead, owner and ROP only (a manager gets 403)."
                            + " Leads in WON or LOST and snoozed actions are left out. The reason"
                            + " is in the request's `Accept-Language` (ru or en; kk reads ru),"
                            + " else the company's locale; Russian by default.")
    public List<NowItem> queue(
            @QueryParam("scope") @Parameter(description = "`me` (default) or `team`")
                    String scope) {
        return now.queue(scope);
    }

    @GET
    @Path("team")
    @RolesAllowed({"owner", "rop"})
    @Operation(
            summary = "Each person's queue size (owner, ROP)",
            description =
                    "Every active owner, ROP and manager as `{userId, name, queued, overdue}`:"
                            + " `queued` counts the leads assigned to them that have a next action;"
                            + " `overdue` counts those whose action's due time is past, or whose"
                            + " client has waited for a person (CLIENT_WAITING) more than 15"
                            + " minutes since their newest message.")
    public List<TeamMember> team() {
        return now.team();
    }
}
