package com.buildcrm.provisioner;

/**
 * Called after each provisioning step has been completed and recorded. Meant for progress reporting
 * and for tests: a listener that throws stops the provisioning right there, exactly like a crash
 * after that step, and the next {@link TenantProvisioner#create(NewTenant)} resumes.
 */
@FunctionalInterface
public interface ProvisioningStepListener {

    /** A listener that does nothing. */
    ProvisioningStepListener NONE = (tenantId, slug, step) -> {};

    void stepCompleted(long tenantId, String slug, ProvisioningStep step);
}
