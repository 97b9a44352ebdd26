package com.buildcrm.tenant;

/** Lifecycle of a client company on the platform. */
public enum TenantStatus {
    PROVISIONING,
    ACTIVE,
    SUSPENDED,
    FAILED;

    public TenantStatus suspend() {
        if (this != ACTIVE && this != SUSPENDED) {
            throw new IllegalStateException("only an active tenant can be suspended, not " + this);
        }
        return SUSPENDED;
    }

    public TenantStatus resume() {
        if (this != ACTIVE && this != SUSPENDED) {
            throw new IllegalStateException("only a suspended tenant can be resumed, not " + this);
        }
        return ACTIVE;
    }
}
