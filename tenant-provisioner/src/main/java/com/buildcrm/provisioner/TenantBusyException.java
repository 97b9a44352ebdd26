package com.buildcrm.provisioner;

/**
 * Another process (or thread) is provisioning or dropping the same tenant right now. Retry later;
 * nothing was changed.
 */
public class TenantBusyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public TenantBusyException(String slug) {
        super("tenant " + slug + " is being provisioned or dropped by another process");
    }
}
