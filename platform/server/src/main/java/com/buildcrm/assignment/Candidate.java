package com.buildcrm.assignment;

/**
 * A user the rule may pick, as read from the lead's own tenant schema.
 *
 * @param userId the user's id in that tenant
 * @param name the user's name (for the lead event's reason)
 * @param active whether the user is ACTIVE now (a disabled user is skipped)
 * @param openLeads the leads assigned to the user in a non-final stage (not WON/LOST)
 */
public record Candidate(long userId, String name, boolean active, long openLeads) {}
