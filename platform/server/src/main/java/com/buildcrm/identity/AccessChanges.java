package com.buildcrm.identity;

import com.buildcrm.tenancy.CompanySetupChanged;
import com.buildcrm.tenant.TenantStatusChanged;
import com.buildcrm.user.UserAccessChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Ends or re-checks sessions when someone else changed who may work: the owner changed a user's
 * access, the operator suspended or resumed a company; and drops kept copies when the operator
 * changed a company's AI setup or channel. Those packages fire events; identity, which reads users
 * and tenants, listens (so they need not depend on it).
 */
@ApplicationScoped
public class AccessChanges {

    @Inject AuthService auth;
    @Inject SessionSignals signals;

    void onUser(@Observes UserAccessChanged change) {
        if (change.endSessions()) {
            auth.revokeUserSessions(change.tenantId(), change.userId());
        } else {
            auth.userChanged(change.tenantId(), change.userId());
        }
    }

    void onSetup(@Observes CompanySetupChanged change) {
        // every instance drops its kept copy of the company's AI setup and channel (ADR 055)
        signals.publish(SessionChange.setup(change.tenantId()));
    }

    void onTenant(@Observes TenantStatusChanged change) {
        // open event streams of a suspended company end on every instance
        signals.publish(SessionChange.tenant(change.tenantId()));
    }
}
