package com.buildcrm.ai.voice;

import com.buildcrm.jobs.Job;
import com.buildcrm.jobs.JobType;
import com.buildcrm.jobs.RetryPolicy;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Transcribes a client's voice note that no AI turn will hear — the lead is led by a person, or the
 * AI is off for it (ADR 037) — so the person reads it in the CRM. Instance {@code
 * tenantId:messageId}; scheduled by {@link VoiceNotes#schedule}. A note already tried is left
 * alone, so a retry or a concurrent AI turn never sends it twice.
 */
@ApplicationScoped
public class VoiceTranscriptionJob implements Job {

    @Inject TenantTransactions tenants;
    @Inject VoiceNotes voiceNotes;

    @Override
    public JobType type() {
        return VoiceNotes.TASK;
    }

    @Override
    public RetryPolicy retries() {
        // an endpoint's failure is kept as FAILED (not thrown); only a storage hiccup retries
        return RetryPolicy.exponential(3);
    }

    @Override
    public void run(String instance) {
        String[] p = instance.split(":");
        long tenantId = Long.parseLong(p[0]);
        long messageId = Long.parseLong(p[1]);
        TenantRef tenant = tenants.forJob(tenantId).orElse(null);
        if (tenant == null) {
            return;
        }
        tenants.namedInLogs(tenant, () -> voiceNotes.transcribeMessage(tenant, messageId));
    }
}
