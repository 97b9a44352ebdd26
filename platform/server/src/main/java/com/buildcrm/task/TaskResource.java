package com.buildcrm.task;

import com.buildcrm.task.TaskRequests.TaskPatch;
import com.buildcrm.task.TaskViews.TaskView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * One task: edit, mark done or open again, delete. Any role that may see the task's lead may; a
 * task of a lead the caller cannot see is a 404.
 */
@Path("api/crm/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject Tasks tasks;

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"owner", "rop", "manager"})
    @Operation(
            summary = "Edit a task, mark it done or open it again",
            description =
                    "Absent fields stay. `dueAt` (ISO instant) must not be more than a minute in the"
                            + " past when it changes; `assigneeId` 0 removes the assignee, another id"
                            + " must be an active user; `note` \"\" removes the note; `done` true or"
                            + " false. Writes `task.updated`, `task.done` or `task.reopened` lead events"
                            + " and a `task.changed` live event. Invalid input: 400 naming the field.")
    public TaskView patch(@PathParam("id") long id, @Valid @NotNull TaskPatch body) {
        return tasks.patch(id, body);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({"owner", "rop", "manager"})
    @Operation(
            summary = "Delete a task",
            description = "Writes a `task.deleted` lead event and a `task.changed` live event.")
    public Response delete(@PathParam("id") long id) {
        tasks.delete(id);
        return Response.noContent().build();
    }
}
