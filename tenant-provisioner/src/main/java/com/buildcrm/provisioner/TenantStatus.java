package com.buildcrm.provisioner;

/** Lifecycle status of a tenant, as stored in {@code platform.tenants.status}. */
public enum TenantStatus {
    /** Provisioning started and has not finished (or the process stopped in the middle). */
    PROVISIONING,
    /** Fully provisioned and usable. */
    ACTIVE,
    /** Provisioned, but switched off by the operator. */
    SUSPENDED,
    /** A provisioning step failed; calling create again resumes from the last completed step. */
    FAILED
}
