package com.buildcrm.identity;

import com.buildcrm.tenancy.TenantContext;
import com.buildcrm.web.ApiProblem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Revocation and role changes bite on the next request, not when the access token expires: after
 * the tenant is bound, the token must still stand for a live session ({@link SessionGuard}): the
 * business user exists, is active and still has the token's role (a demoted ROP gets 401 "log in
 * again" rather than a ROP's answers; the refreshed token carries the new role), the operator is
 * active, and the session named by the token's {@code sid} was not ended by logout, password reset,
 * disable or refresh-token reuse. The login, refresh and logout endpoints are left alone: a stale
 * header there must not stop a client from getting a fresh token.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 200)
public class ActiveUserFilter implements ContainerRequestFilter {

    private static final Pattern AUTH_PATHS = Pattern.compile("^/?api/(admin/|crm/)?auth/.*");

    @Inject TenantContext context;
    @Inject SessionGuard guard;

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (!(principal instanceof JsonWebToken jwt)
                || AUTH_PATHS.matcher(request.getUriInfo().getPath()).matches()) {
            return;
        }
        String session = claim(jwt, AccessTokens.SESSION_CLAIM);
        String problem;
        if (context.current().isPresent()) {
            problem =
                    guard.userProblem(
                            context.require(),
                            context.requireUserId(),
                            context.requireRole(),
                            session);
        } else if (jwt.getGroups() != null
                && jwt.getGroups().contains(AccessTokens.OPERATOR_GROUP)
                && jwt.getSubject() != null
                && jwt.getSubject().startsWith("operator:")) {
            long operatorId;
            try {
                operatorId = Long.parseLong(jwt.getSubject().substring("operator:".length()));
            } catch (NumberFormatException e) {
                throw ApiProblem.unauthorized("The access token does not name an operator");
            }
            problem = guard.operatorProblem(operatorId, session);
        } else {
            return;
        }
        if (problem != null) {
            throw ApiProblem.unauthorized(problem);
        }
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        return value == null ? null : String.valueOf(value);
    }
}
