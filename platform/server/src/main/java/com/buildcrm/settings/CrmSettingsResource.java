package com.buildcrm.settings;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The company's CRM settings: whether managers see all leads or only the ones assigned to them,
 * when a lead counts as stale, and the working day.
 */
@Path("api/crm/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CrmSettingsResource {

    /**
     * The settings.
     *
     * @param staleAfterDays a lead with no activity for this many days in a non-final stage is
     *     stale (the Now queue's STALE action), 1–365, default 3
     * @param workDayStart the working day's start, "HH:mm" in the company's time zone (default
     *     09:00): what "утром" and "as soon as possible" fall into
     * @param workDayEnd the working day's end, "HH:mm", after the start (default 18:00)
     */
    public record CrmSettingsResponse(
            boolean managersSeeAll, int staleAfterDays, String workDayStart, String workDayEnd) {

        static CrmSettingsResponse of(CrmSettingsService.View v) {
            return new CrmSettingsResponse(
                    v.managersSeeAll(), v.staleAfterDays(), v.workDayStart(), v.workDayEnd());
        }
    }

    /**
     * Request classes use annotated fields: see {@code AuthRequests} for why not records. Absent
     * fields stay as they are; at least one must be given.
     */
    public static final class UpdateCrmSettingsRequest {
        public Boolean managersSeeAll;

        /** 1–365. */
        public Integer staleAfterDays;

        /** "HH:mm", before {@code workDayEnd}. */
        public String workDayStart;

        /** "HH:mm", after {@code workDayStart}. */
        public String workDayEnd;
    }

    @Inject CrmSettingsService settings;

    @GET
    @RolesAllowed({"owner", "rop", "manager"})
    @Operation(summary = "The company's CRM settings")
    public CrmSettingsResponse get() {
        return CrmSettingsResponse.of(settings.view());
    }

    @PATCH
    @RolesAllowed({"owner", "rop"})
    @Operation(
            summary = "Change CRM settings (owner, ROP)",
            description =
                    "Absent fields stay as they are; at least one is required. `staleAfterDays`"
                            + " 1–365; `workDayStart`/`workDayEnd` as \"HH:mm\" with the start"
                            + " before the end (also against the stored other end). A bad value is"
                            + " a 400 problem naming the field and changes nothing.")
    public CrmSettingsResponse update(@Valid @NotNull UpdateCrmSettingsRequest request) {
        return CrmSettingsResponse.of(
                settings.change(
                        new CrmSettingsService.Change(
                                request.managersSeeAll,
                                request.staleAfterDays,
                                request.workDayStart,
                                request.workDayEnd)));
    }

    @PUT
    @RolesAllowed({"owner", "rop"})
    @Operation(
            summary = "Change CRM settings (owner, ROP): the same as PATCH",
            description = "Absent fields stay as they are; the same rules as PATCH.")
    public CrmSettingsResponse put(@Valid @NotNull UpdateCrmSettingsRequest request) {
        return update(request);
    }
}
