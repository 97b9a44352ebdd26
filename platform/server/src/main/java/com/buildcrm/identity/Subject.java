package com.buildcrm.identity;

/**
 * Who a refresh token belongs to: an operator ({@code tenantId == null}) or a business user of a
 * tenant.
 */
public record Subject(Long tenantId, long id) {
    public static Subject operator(long id) {
        return new Subject(null, id);
    }

    public static Subject user(long tenantId, long id) {
        return new Subject(tenantId, id);
    }

    public boolean operator() {
        return tenantId == null;
    }
}
