package com.buildcrm.lead;

/**
 * The lead filters as the query gave them, shared by the lead list and the board. Raw strings:
 * {@link LeadFilter#parse} validates them all at once and names every invalid parameter. (Not a
 * {@code @BeanParam}: Payara's OpenAPI generator fails on parameter annotations outside resources.)
 */
public class LeadFilterParams {

    public static LeadFilterParams of(
            String stage,
            String temperature,
            String assignee,
            String handledBy,
            String noReply,
            String city,
            String from,
            String to,
            String q) {
        LeadFilterParams p = new LeadFilterParams();
        p.stage = stage;
        p.temperature = temperature;
        p.assignee = assignee;
        p.handledBy = handledBy;
        p.noReply = noReply;
        p.city = city;
        p.from = from;
        p.to = to;
        p.q = q;
        return p;
    }

    public String stage;

    public String temperature;

    public String assignee;

    public String handledBy;

    public String noReply;

    public String city;

    public String from;

    public String to;

    public String q;
}
