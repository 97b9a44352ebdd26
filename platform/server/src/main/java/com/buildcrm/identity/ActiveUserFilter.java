package com.buildcrm.identity;

import com.buildcrm.tenancy.TenantContext;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.user.User;
import com.buildcrm.web.ApiProblem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * A disabled user's access token stops working at once (not when it expires): after the tenant is
 * bound, the user must still exist and be active.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 200)
public class ActiveUserFilter implements ContainerRequestFilter {

    @Inject TenantContext context;
    @Inject TenantData data;

    @Override
    public void filter(ContainerRequestContext request) {
        if (context.current().isEmpty()) {
            return;
        }
        long userId = context.requireUserId();
        boolean active =
                data.tx(
                        em -> {
                            User user = em.find(User.class, userId);
                            return user != null && user.active();
                        });
        if (!active) {
            throw ApiProblem.unauthorized("This account is disabled");
        }
    }
}
