package com.buildcrm.tenancy;

import com.buildcrm.web.ApiProblem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Binds the request's tenant once, from the verified access token's {@code tenant} claim, after
 * authorization has run. A token whose tenant is unknown or not active is refused; a request
 * without a tenant claim leaves the context empty, so tenant data stays unreachable. The bound
 * tenant is also named in the request thread's log lines ({@link TenantLogContext}).
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 100)
public class TenantBindingFilter implements ContainerRequestFilter {

    /** The access-token claim naming the tenant's internal id. */
    public static final String TENANT_CLAIM = "tenant";

    /** The access-token claim naming the business user's id within the tenant. */
    public static final String USER_CLAIM = "uid";

    @Inject TenantContext context;
    @Inject TenantDirectory directory;

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (!(principal instanceof JsonWebToken jwt) || !jwt.containsClaim(TENANT_CLAIM)) {
            return;
        }
        long tenantId;
        long userId;
        try {
            tenantId = Long.parseLong(String.valueOf(claimValue(jwt, TENANT_CLAIM)));
            userId = Long.parseLong(String.valueOf(claimValue(jwt, USER_CLAIM)));
        } catch (NumberFormatException e) {
            throw ApiProblem.unauthorized("The access token does not name a valid tenant");
        }
        TenantDirectory.Entry entry =
                directory
                        .byId(tenantId)
                        .orElseThrow(
                                () ->
                                        ApiProblem.unauthorized(
                                                "The access token's company no longer exists"));
        if (!entry.active()) {
            throw ApiProblem.forbidden("tenant-suspended", "This company's account is suspended");
        }
        String role =
                jwt.getGroups().stream()
                        .findFirst()
                        .orElseThrow(
                                () -> ApiProblem.unauthorized("The access token carries no role"));
        context.bind(entry.ref(), userId, role);
        // this request's log lines name the tenant; TenantLogScopeFilter takes it back at the end
        TenantLogContext.enter(entry.ref());
    }

    private static Object claimValue(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value instanceof jakarta.json.JsonNumber n) {
            return n.longValue();
        }
        if (value instanceof jakarta.json.JsonString s) {
            return s.getString();
        }
        return value;
    }
}
