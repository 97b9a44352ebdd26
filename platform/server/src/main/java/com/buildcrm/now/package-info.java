/**
 * The "Now" queue: every lead the user may see that has a next action, ranked by {@link
 * com.buildcrm.nextaction.NextActionPlanner#RANKING}; the team's queue sizes for owner and ROP; and
 * snoozing a lead's next action. The situations are read in bulk by {@code now.situation}.
 */
package com.buildcrm.now;
