package com.buildcrm.tenant;

/**
 * Fired (synchronously, after the change committed) when the operator suspended or resumed a
 * company: the identity package has every instance re-check its sessions and streams. An event, so
 * that {@code tenant} does not depend on {@code identity}, which reads tenants.
 *
 * @param tenantId the company
 */
public record TenantStatusChanged(long tenantId) {}
