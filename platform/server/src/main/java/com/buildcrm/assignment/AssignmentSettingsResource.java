package com.buildcrm.assignment;

import com.buildcrm.assignment.AssignmentSettingsService.SettingsView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The company's assignment rule, a CRM setting of the owner and the ROP. */
@Path("api/crm/settings/assignment")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssignmentSettingsResource {

    /** Request classes use annotated fields: see {@code AuthRequests} for why not records. */
    public static final class AssignmentSettingsRequest {
        /** MANUAL, ROUND_ROBIN or LEAST_LOADED. */
        public String mode;

        /** CALL_REQUESTED, HANDOFF, CREATED; absent = [CALL_REQUESTED, HANDOFF]. */
        public List<String> on;

        /** Active user ids in rotation order; absent or empty = every active manager. */
        public List<Long> rotation;

        /** 5–1440, or null: re-assignment of idle leads is off. */
        public Integer reassignAfterMinutes;
    }

    @Inject AssignmentSettingsService settings;

    @GET
    @RolesAllowed({"owner", "rop"})
    @Operation(
            summary = "The assignment rule",
            description =
                    "How new work finds its manager: `mode` MANUAL | ROUND_ROBIN | LEAST_LOADED, the"
                            + " moments `on` it applies at (CALL_REQUESTED, HANDOFF, CREATED), the"
                            + " `rotation` (user ids; empty = every active manager) and"
                            + " `reassignAfterMinutes` (null = off). Owner and ROP only.")
    public SettingsView get() {
        return settings.get();
    }

    @PUT
    @RolesAllowed({"owner", "rop"})
    @Operation(
            summary = "Replace the assignment rule",
            description =
                    "Replaces the whole rule. A rotation naming an unknown or disabled user of this"
                            + " company, an unknown mode or moment, or `reassignAfterMinutes`"
                            + " outside 5–1440 is a 400 problem naming the field, and nothing"
                            + " changes. Owner and ROP only (a manager gets 403).")
    public SettingsView put(@NotNull AssignmentSettingsRequest request) {
        return settings.replace(
                request.mode, request.on, request.rotation, request.reassignAfterMinutes);
    }
}
