package com.buildcrm.summary;

import com.buildcrm.ai.AiSettings;
import com.buildcrm.ai.AiSettingsStore;
import com.buildcrm.ai.TenantPack;
import com.buildcrm.ai.llm.LlmConfig;
import com.buildcrm.jobs.Job;
import com.buildcrm.jobs.JobType;
import com.buildcrm.jobs.RetryPolicy;
import com.buildcrm.live.LiveEvent;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Adds the LLM's condensed wording to a stored snapshot ({@code tenantId:leadId:version}): reads
 * the snapshot, calls the tenant's LLM outside any transaction (its time limit is the tenant's LLM
 * timeout), and writes the text only if the snapshot is still that version. A failed or refused
 * answer leaves the rule summary as it is; it is not retried (the rule summary is complete).
 */
@ApplicationScoped
public class SummaryTextJob implements Job {

    @Inject TenantTransactions tenants;
    @Inject Storage storage;
    @Inject AiSettingsStore aiSettings;
    @Inject Event<LiveEvent> live;

    @Override
    public JobType type() {
        return Summaries.TEXT_TASK;
    }

    @Override
    public RetryPolicy retries() {
        return RetryPolicy.exponential(0);
    }

    @Override
    public void run(String instance) {
        String[] p = instance.split(":");
        long tenantId = Long.parseLong(p[0]);
        long leadId = Long.parseLong(p[1]);
        int version = Integer.parseInt(p[2]);
        TenantRef tenant = tenants.forJob(tenantId).orElse(null);
        if (tenant == null) {
            return;
        }
        Summaries.Stored stored = tenants.in(tenant, work -> Summaries.stored(work, leadId));
        if (stored == null || stored.version() != version || stored.summary().text() != null) {
            return;
        }
        record Setup(AiSettings ai, String locale) {}
        Setup setup =
                storage.transactions()
                        .inPlatform(
                                em ->
                                        new Setup(
                                                aiSettings.load(em, tenantId),
                                                TenantPack.load(em, tenantId).locale()));
        if (!setup.ai().usesLlm()) {
            return;
        }
        String locale = setup.locale() != null && setup.locale().startsWith("en") ? "en" : "ru";
        LlmConfig config =
                new LlmConfig(
                        setup.ai().llmBaseUrl(),
                        setup.ai().llmModel(),
                        setup.ai().llmApiKey().orElse(""),
                        0.0,
                        "",
                        LlmConfig.configuredTimeout());
        Optional<String> text =
                SummaryWriter.condense(
                        config, SummaryRules.plainText(stored.summary(), locale), locale);
        if (text.isEmpty()) {
            return;
        }
        int written =
                tenants.in(
                        tenant,
                        work ->
                                work.sql(
                                                "UPDATE lead_summaries SET summary = CAST(?1 AS jsonb)"
                                                        + " WHERE lead_id = ?2 AND version = ?3")
                                        .setParameter(
                                                1,
                                                Summaries.write(
                                                        stored.summary()
                                                                .withText(text.get(), locale)))
                                        .setParameter(2, leadId)
                                        .setParameter(3, version)
                                        .executeUpdate());
        if (written > 0) {
            live.fire(new LiveEvent(tenantId, "lead.updated", leadId, null));
        }
    }
}
