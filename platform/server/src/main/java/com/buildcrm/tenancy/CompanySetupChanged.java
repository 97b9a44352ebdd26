package com.buildcrm.tenancy;

/**
 * Fired (a CDI event) after a change to a company's setup that instances keep copies of has
 * committed: its AI settings, industry pack or greeting chain, or its WhatsApp channel. Identity
 * listens and signals every instance ({@code SessionChange.setup}), which then drop their copies
 * ({@link KeptAnswersDropped}); the packages that change the setup need not depend on identity.
 *
 * @param tenantId the company whose setup changed
 */
public record CompanySetupChanged(long tenantId) {}
