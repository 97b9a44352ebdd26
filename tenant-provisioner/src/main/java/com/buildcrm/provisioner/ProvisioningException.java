package com.buildcrm.provisioner;

/**
 * A provisioning step failed. The tenant is left FAILED at its last completed step; calling {@link
 * TenantProvisioner#create(NewTenant)} again with the same slug resumes from there.
 */
public class ProvisioningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long tenantId;
    private final String slug;
    private final ProvisioningStep lastCompletedStep;

    public ProvisioningException(
            long tenantId, String slug, ProvisioningStep lastCompletedStep, Throwable cause) {
        super(
                "provisioning of tenant "
                        + slug
                        + " (id "
                        + tenantId
                        + ") stopped after step "
                        + lastCompletedStep
                        + ": "
                        + cause.getMessage(),
                cause);
        this.tenantId = tenantId;
        this.slug = slug;
        this.lastCompletedStep = lastCompletedStep;
    }

    public long tenantId() {
        return tenantId;
    }

    public String slug() {
        return slug;
    }

    public ProvisioningStep lastCompletedStep() {
        return lastCompletedStep;
    }
}
