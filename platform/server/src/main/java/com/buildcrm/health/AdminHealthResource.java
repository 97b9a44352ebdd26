package com.buildcrm.health;

import com.buildcrm.audit.AuditLog.Actor;
import com.buildcrm.inbox.InboxRetry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Global Admin: the system's technical health. Operators only. */
@Path("api/admin/health")
@Produces(MediaType.APPLICATION_JSON)
public class AdminHealthResource {

    @Inject AdminHealthService health;
    @Inject InboxRetry retry;
    @Inject JsonWebToken jwt;

    @GET
    @RolesAllowed("operator")
    public AdminHealth get() {
        return health.read();
    }

    /**
     * Tries the poisoned inbound events again (after their cause was mended): each gets a fresh set
     * of attempts. Audited. Answers how many were enqueued (0 when none was poisoned).
     */
    @POST
    @Path("inbox/retry")
    @RolesAllowed("operator")
    public AdminHealth.InboxRetried retryInbox() {
        return new AdminHealth.InboxRetried(
                retry.retryPoisoned(
                        Actor.operator(
                                Long.parseLong(jwt.getSubject().substring("operator:".length())),
                                jwt.getName())));
    }
}
