package com.buildcrm.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How often a stored inbound event is tried before it is set aside. A row that fails that many
 * times (say its tenant's schema is broken) is "poisoned": the sweeper stops re-enqueuing it, the
 * operator's health page counts it with its last error, and {@code POST
 * /api/admin/health/inbox/retry} tries it again once the cause is mended. It is never deleted.
 *
 * <p>A media file the provider did not inline is fetched before processing; a download that keeps
 * failing is given up after {@link #mediaAttempts()} attempts and the message is recorded without
 * its file, so a dead media link never poisons a row (see {@code InboxProcessor}).
 */
@ApplicationScoped
public class InboxLimits {

    @Inject
    @ConfigProperty(name = "buildcrm.inbox.max.attempts", defaultValue = "8")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "buildcrm.inbox.media.attempts", defaultValue = "3")
    int mediaAttempts;

    /**
     * Attempts at downloading an inbound file before the message is recorded without it: at least 1
     * and at most {@link #maxAttempts()}, so the giving up always happens before the row could be
     * poisoned.
     */
    public int mediaAttempts() {
        return Math.max(1, Math.min(mediaAttempts, maxAttempts()));
    }

    /** Failed processing attempts after which a row is poisoned (at least 1). */
    public int maxAttempts() {
        return Math.max(1, maxAttempts);
    }
}
