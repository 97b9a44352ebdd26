package com.buildcrm.now;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** "Remind me later" on a lead's next action. */
@Path("api/crm/leads/{id}/snooze")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SnoozeResource {

    /** Request classes use annotated fields: see {@code AuthRequests} for why not records. */
    public static final class SnoozeRequest {
        /** 5–1440. */
        public Integer minutes;
    }

    @Inject NowService now;

    @POST
    @RolesAllowed({"owner", "rop", "manager"})
    @Operation(
            summary = "Hide the lead's next action for a while",
            description =
                    "`{minutes}` from 5 to 1440 (else 400 naming `minutes`). Sets the lead's"
                            + " snooze to now + minutes; when the current action comes from a task"
                            + " (`taskId`), that task is snoozed too. The lead leaves the Now queue"
                            + " and loses its `nextAction` until then. A lead the caller cannot see:"
                            + " 404. Publishes `lead.updated` on the live stream.")
    @APIResponse(responseCode = "204", description = "Snoozed")
    public void snooze(@PathParam("id") long id, @Valid @NotNull SnoozeRequest request) {
        now.snooze(id, request.minutes);
    }
}
