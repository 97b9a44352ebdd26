package com.buildcrm.tenancy;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The tenant of the current request, bound once at the edge from the access token by {@link
 * TenantBindingFilter}; never from a path or a body. Empty means: no tenant, and tenant data is
 * unreachable.
 */
@RequestScoped
public class TenantContext {

    private TenantRef tenant;
    private Long userId;
    private String role;

    void bind(TenantRef tenant, long userId, String role) {
        if (this.tenant != null) {
            throw new IllegalStateException("the tenant is bound once per request");
        }
        this.tenant = tenant;
        this.userId = userId;
        this.role = role;
    }

    public Optional<TenantRef> current() {
        return Optional.ofNullable(tenant);
    }

    public TenantRef require() {
        if (tenant == null) {
            throw new TenantNotBoundException();
        }
        return tenant;
    }

    /** The id of the business user making this request (within the bound tenant). */
    public long requireUserId() {
        require();
        return userId;
    }

    /** The business role (JWT group) of the user making this request. */
    public String requireRole() {
        require();
        return role;
    }
}
