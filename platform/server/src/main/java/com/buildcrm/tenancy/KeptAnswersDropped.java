package com.buildcrm.tenancy;

/**
 * Fired (a CDI event, synchronously) whenever a change is signalled that may make answers kept per
 * instance stale — a session, user, company or company setup change here or on another instance, or
 * signals that may have been missed. Holders of a {@link SignalledCache} outside identity and
 * tenancy observe it and drop theirs.
 */
public record KeptAnswersDropped() {}
