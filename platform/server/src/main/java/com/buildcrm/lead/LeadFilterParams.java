package com.buildcrm.lead;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The lead filters as query parameters, shared by the lead list and the board. Raw strings: {@link
 * LeadFilter#parse} validates them all at once and names every invalid parameter.
 */
public class LeadFilterParams {

    @QueryParam("stage")
    @Parameter(description = "Stage id")
    public String stage;

    @QueryParam("temperature")
    @Parameter(description = "HOT, WARM or COLD")
    public String temperature;

    @QueryParam("assignee")
    @Parameter(description = "A user id, `none` (unassigned) or `me`")
    public String assignee;

    @QueryParam("handledBy")
    @Parameter(description = "`ai` or `human`: who leads the conversation now")
    public String handledBy;

    @QueryParam("noReply")
    @Parameter(description = "`true` or `false`: the lead did not answer our follow-ups")
    public String noReply;

    @QueryParam("city")
    @Parameter(description = "City, case-insensitive exact match")
    public String city;

    @QueryParam("from")
    @Parameter(
            description =
                    "Created at or after: an ISO date (start of that day in the company's time zone)"
                            + " or an ISO date-time with offset")
    public String from;

    @QueryParam("to")
    @Parameter(
            description =
                    "Created before: an ISO date (inclusive: up to the end of that day in the company's"
                            + " time zone) or an ISO date-time with offset (exclusive)")
    public String to;

    @QueryParam("q")
    @Parameter(description = "Text in name, phone (digits), city or the last message")
    public String q;
}
