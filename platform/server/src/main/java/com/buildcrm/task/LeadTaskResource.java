package com.buildcrm.task;

import com.buildcrm.task.TaskRequests.NewTask;
import com.buildcrm.task.TaskViews.TaskView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The tasks of one lead: list and create (edit and delete: {@link TaskResource}). */
@Path("api/crm/leads/{id}/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class LeadTaskResource {

    @Inject Tasks tasks;

    @GET
    @RolesAllowed({"owner", "rop", "manager"})
    @Operation(
            summary = "The lead's tasks",
            description =
                    "Open tasks first, soonest due first (`dueAt` null = as soon as possible comes"
                            + " before any time), then done tasks, last done first. A lead the caller"
                            + " may not see is a 404.")
    public List<TaskView> list(@PathParam("id") long leadId) {
        return tasks.list(leadId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"owner", "rop", "manager"})
    @Operation(
            summary = "Create a task on the lead",
            description =
                    "`kind` CALL or TODO (default TODO); `dueAt` an ISO instant (absent: as soon as"
                            + " possible), at most a minute in the past; `assigneeId` an active user of"
                            + " the company. Invalid input: 400 naming the field, nothing is created."
                            + " Writes a `task.created` lead event and a `task.changed` live event.")
    public Response create(@PathParam("id") long leadId, @Valid @NotNull NewTask body) {
        TaskView created = tasks.create(leadId, body);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }
}
