package com.buildcrm.analytics;

import com.buildcrm.analytics.AnalyticsViews.FunnelResponse;
import com.buildcrm.analytics.AnalyticsViews.ManagersResponse;
import com.buildcrm.analytics.AnalyticsViews.ResponseTimesResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The company's analytics, for the owner and the ROP (a manager gets 403). {@code from} and {@code
 * to} are ISO dates in the company's time zone ({@code to} inclusive) or ISO date-times with offset
 * ({@code to} exclusive); without them the last 30 days including today; at most 366 days.
 */
@Path("api/crm/analytics")
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsResource {

    private static final String FROM = "First day (ISO date, company's time zone) or date-time";
    private static final String TO = "Last day, inclusive (ISO date) or date-time, exclusive";

    @Inject AnalyticsService analytics;

    @GET
    @Path("funnel")
    @RolesAllowed({"owner", "rop"})
    @Operation(
            summary = "Funnel of the leads created in the period",
            description =
                    "Stages in order: leads in each stage now, leads that ever reached it (created in"
                            + " it, moved into it by the AI or by hand), and the conversion from the"
                            + " previous stage (reached / previous reached).")
    public FunnelResponse funnel(
            @QueryParam("from") @Parameter(description = FROM) String from,
            @QueryParam("to") @Parameter(description = TO) String to) {
        return analytics.funnel(from, to);
    }

    @GET
    @Path("response-times")
    @RolesAllowed({"owner", "rop"})
    @Operation(
            summary = "First-response times (AI and people), leads per day, AI vs taken over",
            description =
                    "A response is our first message after a client's message that opened a wait (the"
                            + " lead's first message or the first after one of ours), written in the"
                            + " period; median and 90th percentile in seconds by who answered. Leads per"
                            + " day count leads created on each day of the period in the company's time"
                            + " zone. Handling: leads created in the period still led by the AI without"
                            + " any handoff, versus taken over by a person. Calls: call tasks due in the"
                            + " period (as-soon-as-possible ones: created in it) done on time (by the due"
                            + " time + 15 min; as soon as possible: within 60 min of creation), done late,"
                            + " or missed (still open after that).")
    public ResponseTimesResponse responseTimes(
            @QueryParam("from") @Parameter(description = FROM) String from,
            @QueryParam("to") @Parameter(description = TO) String to) {
        return analytics.responseTimes(from, to);
    }

    @GET
    @Path("managers")
    @RolesAllowed({"owner", "rop"})
    @Operation(
            summary = "Per user: leads assigned, won, replies, take-overs, first response, calls",
            description =
                    "Every active manager, and any other user (owner, ROP, disabled) who did"
                            + " something counted here in the period. Leads created in the period"
                            + " that are assigned to the user now and how many of those are WON;"
                            + " messages the user sent to clients in the period; take-overs from"
                            + " the AI by the user in the period; first response: per lead that"
                            + " became the user's in the period (their first take-over of it or"
                            + " assignment to them, whichever came first), seconds until their first"
                            + " message to the client, median and 90th percentile over the leads"
                            + " answered; calls: call tasks assigned to the user due in the period,"
                            + " on time, late or missed as in response-times.")
    public ManagersResponse managers(
            @QueryParam("from") @Parameter(description = FROM) String from,
            @QueryParam("to") @Parameter(description = TO) String to) {
        return analytics.managers(from, to);
    }
}
