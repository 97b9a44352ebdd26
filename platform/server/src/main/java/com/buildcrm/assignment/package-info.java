/**
 * Assignment rules (ADR 019): the tenant's mode (manual, round robin, least loaded), the moments it
 * applies at, the rotation, and idle re-assignment. The rule reacts to {@code notify.LeadMilestone}
 * inside the unit of work that reached the moment; every assignment it makes is a lead event, an
 * {@code ASSIGNED} alert and a {@code lead.assigned} live event after commit.
 */
package com.buildcrm.assignment;
