package com.buildcrm.live;

import com.buildcrm.tenancy.TenantRef;
import java.time.Instant;

/**
 * Who holds an event stream: a business user of one tenant, whether they see only leads assigned to
 * them (a manager when the company says so), and when their access token expires.
 */
public record LiveViewer(
        TenantRef tenant, long userId, String role, boolean onlyAssigned, Instant expiresAt) {}
