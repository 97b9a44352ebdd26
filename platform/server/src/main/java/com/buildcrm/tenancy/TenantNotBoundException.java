package com.buildcrm.tenancy;

/** Thrown when tenant data is touched without a tenant bound: the platform fails closed. */
public class TenantNotBoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TenantNotBoundException() {
        super("No tenant is bound to this request: tenant data cannot be read or written");
    }
}
