package com.buildcrm.live;

import com.buildcrm.tenancy.TenantRef;
import java.time.Instant;

/**
 * Who holds an event stream: a business user of one tenant, whether they see only leads assigned to
 * them (a manager when the company says so), when their access token expires, and the session
 * (refresh-token family, the token's {@code sid}) it belongs to.
 */
public record LiveViewer(
        TenantRef tenant,
        long userId,
        String role,
        boolean onlyAssigned,
        Instant expiresAt,
        String session) {

    /** The same viewer after the company changed what managers see. */
    public LiveViewer withOnlyAssigned(boolean value) {
        return new LiveViewer(tenant, userId, role, value, expiresAt, session);
    }
}
