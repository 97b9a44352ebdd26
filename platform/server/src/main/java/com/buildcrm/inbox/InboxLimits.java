package com.buildcrm.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How often a stored inbound event is tried before it is set aside. A row that fails that many
 * times (say its tenant's schema is broken) is "poisoned": the sweeper stops re-enqueuing it, the
 * operator's health page counts it with its last error, and {@code POST
 * /api/admin/health/inbox/retry} tries it again once the cause is mended. It is never deleted.
 */
@ApplicationScoped
public class InboxLimits {

    @Inject
    @ConfigProperty(name = "buildcrm.inbox.max.attempts", defaultValue = "8")
    int maxAttempts;

    /** Failed processing attempts after which a row is poisoned (at least 1). */
    public int maxAttempts() {
        return Math.max(1, maxAttempts);
    }
}
