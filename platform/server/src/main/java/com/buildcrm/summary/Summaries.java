package com.buildcrm.summary;

import com.buildcrm.ai.TenantPack;
import com.buildcrm.jobs.JobQueue;
import com.buildcrm.jobs.JobType;
import com.buildcrm.lead.Lead;
import com.buildcrm.lead.LeadJson;
import com.buildcrm.lead.LeadService;
import com.buildcrm.nextaction.NextAction;
import com.buildcrm.notify.LeadMilestone;
import com.buildcrm.notify.Milestone;
import com.buildcrm.now.situation.NextActions;
import com.buildcrm.pack.PackHost;
import com.buildcrm.pipeline.Stage;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.tenancy.TenantWork;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The handoff summary (ADR 034): a snapshot stored when a lead passes to people (taken over, handed
 * off by the AI, CALL_REQUESTED), in the same transaction as that change, and a live view computed
 * on every read; the LLM's condensed wording is added to the snapshot by {@link SummaryTextJob}
 * after the commit, when the tenant has an LLM.
 */
@ApplicationScoped
public class Summaries {

    private static final Logger LOG = Logger.getLogger(Summaries.class.getName());

    /** The job that asks the LLM for the snapshot's wording ({@code tenantId:leadId:version}). */
    public static final JobType TEXT_TASK = new JobType("handoff-summary-text", 20);

    /** The milestones that take a snapshot. */
    static final Set<Milestone> TRIGGERS =
            Set.of(Milestone.TAKEN_OVER, Milestone.HANDED_OFF, Milestone.CALL_REQUESTED);

    static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Inject TenantData data;
    @Inject LeadService leads;
    @Inject NextActions nextActions;
    @Inject PackHost packs;

    /**
     * The summary of a lead the caller may see (else 404).
     *
     * @param leadId the lead
     * @param pinned whether the CRM pins it at the top of the chat: a person leads the
     *     conversation, the AI asked for one, or the client asked for a call
     * @param trigger what took the snapshot (TAKEN_OVER, HANDED_OFF, CALL_REQUESTED), or null
     * @param takenAt when the snapshot was taken, or null
     * @param summary the live summary, rule-built now; facts new or changed since the snapshot are
     *     marked {@code changed}
     * @param snapshot the summary as it was at {@code takenAt} (with the LLM's wording when there
     *     is one), or null when the lead never passed to people
     */
    public record SummaryView(
            long leadId,
            boolean pinned,
            String trigger,
            OffsetDateTime takenAt,
            HandoffSummary summary,
            HandoffSummary snapshot) {}

    /** A stored snapshot: a typed projection of {@link #COLUMNS}. */
    record Stored(String trigger, OffsetDateTime takenAt, HandoffSummary summary, int version) {
        static final String COLUMNS = "trigger, taken_at, summary::text, version";

        static Stored of(Object[] r) {
            return new Stored(
                    (String) r[0],
                    OffsetDateTime.ofInstant(
                            com.buildcrm.db.Timestamps.toInstant(r[1]), ZoneOffset.UTC),
                    read((String) r[2]),
                    ((Number) r[3]).intValue());
        }
    }

    /** GET /api/crm/leads/{id}/summary. */
    public SummaryView view(long leadId) {
        return data.work(
                work -> {
                    EntityManager em = work.em();
                    Lead lead = leads.findVisible(em, leadId);
                    String role = stageRole(em, lead);
                    HandoffSummary now = build(work, lead, role);
                    Stored stored = stored(work, leadId);
                    boolean pinned =
                            lead.ledByHuman() || lead.needsHuman() || "CALL_REQUESTED".equals(role);
                    return new SummaryView(
                            leadId,
                            pinned,
                            stored == null ? null : stored.trigger(),
                            stored == null ? null : stored.takenAt(),
                            SummaryRules.markChanges(now, stored == null ? null : stored.summary()),
                            stored == null ? null : stored.summary());
                });
    }

    /**
     * Takes the snapshot in the transaction of the change (a take-over, the AI's handoff, a call
     * request) and, when the tenant has an LLM, enqueues its wording in the same transaction. A
     * failure to build the summary is logged and never undoes the change itself.
     */
    void onMilestone(@Observes LeadMilestone m) {
        if (!TRIGGERS.contains(m.milestone())) {
            return;
        }
        TenantWork work = m.work();
        HandoffSummary summary;
        try {
            Lead lead = work.em().find(Lead.class, m.leadId());
            if (lead == null) {
                return;
            }
            summary = build(work, lead, stageRole(work.em(), lead));
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Handoff summary of lead " + m.leadId() + " not stored: " + e,
                    e);
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> versions =
                work.sql(
                                "INSERT INTO lead_summaries (lead_id, trigger, taken_at, summary, version)"
                                        + " VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), 1)"
                                        + " ON CONFLICT (lead_id) DO UPDATE SET trigger = EXCLUDED.trigger,"
                                        + " taken_at = EXCLUDED.taken_at, summary = EXCLUDED.summary,"
                                        + " version = lead_summaries.version + 1"
                                        + " RETURNING version")
                        .setParameter(1, m.leadId())
                        .setParameter(2, m.milestone().name())
                        .setParameter(3, m.at())
                        .setParameter(4, write(summary))
                        .getResultList();
        if (usesLlm(work)) {
            JobQueue.enqueue(
                    work.em(),
                    TEXT_TASK,
                    work.tenantId(),
                    work.tenantId() + ":" + m.leadId() + ":" + versions.get(0),
                    m.at().toInstant());
        }
    }

    /** The rule summary of a lead now, inside the caller's tenant unit of work. */
    HandoffSummary build(TenantWork work, Lead lead, String stageRole) {
        EntityManager em = work.em();
        em.flush();
        TenantPack tenantPack = TenantPack.load(em, work.tenantId());
        IndustryPack pack = pack(tenantPack.packId());
        NextAction action = nextActions.plan(work, List.of(lead.id())).actions().get(lead.id());
        return SummaryRules.build(
                new SummaryInput(
                        pack.qualificationSchema(),
                        pack.descriptor().nameRu(),
                        pack.descriptor().nameEn(),
                        SummaryRules.withColumns(
                                LeadJson.fields(work, lead.id()), lead.name(), lead.city()),
                        stageRole,
                        clientTexts(work, lead.id()),
                        action));
    }

    /** The tenant's pack (overridden by tests that run without the plugin host). */
    IndustryPack pack(String packId) {
        return packs.packFor(packId);
    }

    static Stored stored(TenantWork work, long leadId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                work.sql("SELECT " + Stored.COLUMNS + " FROM lead_summaries WHERE lead_id = ?1")
                        .setParameter(1, leadId)
                        .getResultList();
        return rows.isEmpty() ? null : Stored.of(rows.get(0));
    }

    private static List<String> clientTexts(TenantWork work, long leadId) {
        @SuppressWarnings("unchecked")
        List<Object> rows =
                work.sql(
                                "SELECT text FROM messages WHERE lead_id = ?1 AND direction = 'IN'"
                                        + " AND text IS NOT NULL AND text <> '' ORDER BY id DESC LIMIT "
                                        + SummaryRules.QUOTES)
                        .setParameter(1, leadId)
                        .getResultList();
        List<String> texts = new ArrayList<>();
        rows.forEach(r -> texts.add(String.valueOf(r)));
        Collections.reverse(texts);
        return texts;
    }

    private static String stageRole(EntityManager em, Lead lead) {
        if (lead.stageId() == null) {
            return null;
        }
        Stage stage = em.find(Stage.class, lead.stageId());
        return stage == null ? null : stage.role();
    }

    private static boolean usesLlm(TenantWork work) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                work.platform()
                        .query(
                                "SELECT brain, llm_base_url, llm_model FROM platform.tenant_ai"
                                        + " WHERE tenant_id = ?1")
                        .getResultList();
        return !rows.isEmpty()
                && "llm".equals(rows.get(0)[0])
                && rows.get(0)[1] != null
                && rows.get(0)[2] != null;
    }

    static String write(HandoffSummary s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a summary", e);
        }
    }

    static HandoffSummary read(String json) {
        try {
            return JSON.readValue(json, HandoffSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored summary", e);
        }
    }
}
