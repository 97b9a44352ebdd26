package com.buildcrm.tenancy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.sessions.UnitOfWork;

/**
 * Runs something once the caller's tenant unit of work has committed, and never if it rolls back:
 * for code that runs inside a transaction it does not own (a milestone observer: the assignment
 * rule, the AI's call task) and must publish its live event only after that transaction's commit.
 * Units of work are RESOURCE_LOCAL (no JTA), so this listens to the EclipseLink unit of work of the
 * caller's entity manager ({@code postCommitTransaction}, raised after the database commit); the
 * listener lives as long as that entity manager.
 */
final class AfterCommit {

    private AfterCommit() {}

    static void run(TenantWork work, Runnable action) {
        UnitOfWork uow = work.em().unwrap(UnitOfWork.class);
        AtomicBoolean done = new AtomicBoolean();
        SessionEventAdapter listener =
                new SessionEventAdapter() {
                    @Override
                    public void postCommitTransaction(SessionEvent event) {
                        if (done.compareAndSet(false, true)) {
                            action.run();
                        }
                    }
                };
        // the database transaction is the unit of work's or its client session's, depending on
        // how EclipseLink began it: listen to both, run once
        uow.getEventManager().addListener(listener);
        Session parent = uow.getParent();
        if (parent != null) {
            parent.getEventManager().addListener(listener);
        }
    }
}
