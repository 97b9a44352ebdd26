/**
 * Follow-ups ("wake the client up", brief §7, DESIGN §6) as pure decision logic: no database, no
 * CDI, no clock of its own, so every rule is tested with fixed instants.
 *
 * <p>How a caller drives it (a scheduler job per lead, keyed by the lead id):
 *
 * <ol>
 *   <li><b>Arm</b> when the bot sent a message and waits for the client: {@code armedAt = } the bot
 *       message's instant, step 0, {@code sentInThisSilence = 0}; schedule the job at {@link
 *       com.buildcrm.followup.FollowUpPlanner#dueAt FollowUpPlanner.dueAt(policy, zone, armedAt, 0,
 *       lastOutboundAt, leadId)}. The next bot message after a client reply arms again from step 0.
 *   <li><b>Run</b>: read {@link com.buildcrm.followup.LeadFacts} in the sending transaction and
 *       call {@link com.buildcrm.followup.FollowUpPlanner#decide FollowUpPlanner.decide}, then act
 *       on the {@link com.buildcrm.followup.Decision}:
 *       <ul>
 *         <li>{@code Send(text)}: send it, remember the text for the lead, count it in this
 *             silence, schedule step + 1 at {@code dueAt(…, armedAt, step + 1, now, leadId)} (or
 *             decide {@code Finish} right away when it was the last step);
 *         <li>{@code SkipDuplicate}: go on to step + 1 (schedule it at its {@code dueAt});
 *         <li>{@code Postpone(at)}: reschedule the same step at {@code at};
 *         <li>{@code Cancel(reason)}: drop the job, write {@code reason.reasonRu()} to the lead's
 *             history;
 *         <li>{@code Finish}: flag the lead {@code noReply = true}, cool it, drop the job.
 *       </ul>
 *   <li><b>Cancel eagerly</b> as well on an inbound message, take-over, AI switched off, WON/LOST:
 *       {@code decide} re-checks all of them, so a job that slipped through still does nothing.
 * </ol>
 *
 * <p>Jitter is derived from the lead id and the step, so two instances compute the same time and a
 * thousand leads silenced overnight do not all fire at 09:00:00.
 */
package com.buildcrm.followup;
