package com.buildcrm.summary;

import com.buildcrm.summary.Summaries.SummaryView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The handoff summary of a lead (API.md "Next surfaces"; ADR 034). */
@Path("api/crm/leads")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {

    @Inject Summaries summaries;

    @GET
    @Path("{id}/summary")
    @RolesAllowed({"owner", "rop", "manager"})
    @Operation(
            summary = "The handoff summary of a lead",
            description =
                    "What a person needs when they pick the lead up, as structured data the CRM"
                            + " renders in its own language: `want` (the pack's topic, the client's"
                            + " `need`, whether and when they asked for a call, their latest words),"
                            + " `fields` (collected fields with the pack's `labelRu`/`labelEn`, `type`"
                            + " and `value`), `open` (required fields still missing, with the pack's"
                            + " questions), `nextStep` (`kind`: a next-action kind of the planner with"
                            + " its `reason`, or CALL, ASK with `fieldKeys`, OFFER, DONE). `summary` is"
                            + " computed now; `snapshot` is the summary stored when the lead was taken"
                            + " over, handed off by the AI or reached CALL_REQUESTED (`trigger`,"
                            + " `takenAt`), with `text`/`textLocale` once the tenant's LLM has condensed"
                            + " it (the LLM only rephrases; without an LLM or when it fails there is no"
                            + " `text`). In `summary`, facts new or changed since the snapshot have"
                            + " `changed: true`. `pinned`: the CRM shows the summary at the top of the"
                            + " chat (a person leads, the AI asked for one, or the client asked for a"
                            + " call). A lead the caller may not see, or of another company: 404.")
    public SummaryView summary(@PathParam("id") long id) {
        return summaries.view(id);
    }
}
