package com.buildcrm.ai.turn;

import com.buildcrm.ai.AiSettings;
import com.buildcrm.ai.AiSettingsStore;
import com.buildcrm.ai.greeting.GreetingChains;
import com.buildcrm.ai.llm.AiBrains;
import com.buildcrm.ai.llm.LlmConfig;
import com.buildcrm.brain.AiMemory;
import com.buildcrm.brain.HistoryLine;
import com.buildcrm.brain.LeadEventDraft;
import com.buildcrm.brain.LeadState;
import com.buildcrm.brain.StageRole;
import com.buildcrm.brain.Temperature;
import com.buildcrm.brain.TurnEngine;
import com.buildcrm.brain.TurnInput;
import com.buildcrm.brain.TurnOutcome;
import com.buildcrm.followup.Decision;
import com.buildcrm.followup.FollowUps;
import com.buildcrm.lead.Lead;
import com.buildcrm.lead.LeadJson;
import com.buildcrm.live.LiveEvent;
import com.buildcrm.message.Message;
import com.buildcrm.outbox.OutboundPayload;
import com.buildcrm.outbox.Outbox;
import com.buildcrm.pack.PackHost;
import com.buildcrm.phone.PhoneNumbers;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import com.buildcrm.tenancy.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Runs one AI turn for a lead (DESIGN §4.3): snapshot in one transaction, the brain outside any
 * transaction, then re-check and apply in a second one (fields, stage, score, events, handoff, the
 * replies into the outbox). The first turn of a lead also queues the greeting chain, exactly once.
 * Re-running a finished turn does nothing: the answered burst is recorded on the lead.
 */
@ApplicationScoped
public class AiTurnWorker {

    private static final Logger LOG = Logger.getLogger(AiTurnWorker.class.getName());
    static final Duration PACE = Duration.ofMillis(1500);
    static final int HISTORY = 30;

    @Inject Storage storage;
    @Inject TenantTransactions tenants;
    @Inject AiSettingsStore aiSettings;
    @Inject GreetingChains greetings;
    @Inject PackHost packs;
    @Inject AiBrains brains;
    @Inject Clock clock;
    @Inject FollowUps followUps;
    @Inject com.buildcrm.media.MediaStore media;
    @Inject Event<LiveEvent> live;

    /** What the tenant is configured with, read once per turn. */
    record TenantSetup(
            String packId, Map<String, String> packSettings, String locale, AiSettings ai) {}

    /** The lead as the turn found it. */
    record Snapshot(
            LeadState state,
            List<String> burst,
            long lastBurstId,
            List<HistoryLine> history,
            boolean greeted,
            String recipient) {}

    public void run(String instance) {
        long[] ids = AiTurns.parse(instance);
        run(ids[0], ids[1], ids[2]);
    }

    public void run(long tenantId, long leadId, long messageId) {
        TenantRef tenant = tenants.forJob(tenantId).orElse(null);
        if (tenant == null) {
            return;
        }
        TenantSetup setup = storage.transactions().inPlatform(em -> setup(em, tenantId));
        if (!setup.ai().enabled()) {
            return;
        }
        Snapshot snap = tenants.in(tenant, work -> snapshot(work, leadId, messageId));
        if (snap == null) {
            return;
        }
        IndustryPack pack = packs.packFor(setup.packId());
        TurnInput input =
                new TurnInput(
                        snap.state(),
                        snap.burst(),
                        snap.history(),
                        pack,
                        setup.packSettings(),
                        setup.locale(),
                        setup.ai().prompt());
        // the chain is needed to greet, and its length bounds the brain's send_greeting_step
        GreetingChains.Chain chain =
                storage.transactions()
                        .inPlatform(
                                em ->
                                        greetings.resolve(
                                                em,
                                                tenantId,
                                                setup.packId(),
                                                pack,
                                                setup.locale(),
                                                setup.packSettings()));
        AiBrains.Decision decision =
                brains.decide(input, llmConfig(setup.ai()), chain.steps().size());
        TurnOutcome outcome =
                TurnEngine.apply(snap.state(), decision.actions(), pack.qualificationSchema());
        List<LiveEvent> published = new ArrayList<>();
        tenants.in(
                tenant,
                work -> {
                    apply(work, leadId, snap, outcome, decision, chain, published);
                    return null;
                });
        published.forEach(live::fire);
    }

    private TenantSetup setup(EntityManager em, long tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT plugin_id, pack_settings::text, locale FROM platform.tenants WHERE id = ?1")
                        .setParameter(1, tenantId)
                        .getResultList();
        Object[] r = rows.get(0);
        Map<String, String> settings = new LinkedHashMap<>();
        LeadJson.toMap(LeadJson.parseObject(String.valueOf(r[1])))
                .forEach((k, v) -> settings.put(k, v == null ? null : String.valueOf(v)));
        settings.values().removeIf(java.util.Objects::isNull);
        return new TenantSetup(
                (String) r[0], settings, (String) r[2], aiSettings.load(em, tenantId));
    }

    private static Optional<LlmConfig> llmConfig(AiSettings ai) {
        if (!ai.usesLlm()) {
            return Optional.empty();
        }
        return Optional.of(
                new LlmConfig(
                        ai.llmBaseUrl(),
                        ai.llmModel(),
                        ai.llmApiKey().orElse(""),
                        ai.llmTemperature().doubleValue(),
                        ai.prompt(),
                        LlmConfig.configuredTimeout()));
    }

    private Snapshot snapshot(TenantWork work, long leadId, long messageId) {
        EntityManager em = work.em();
        Lead lead = em.find(Lead.class, leadId);
        if (lead == null || !aiMayAnswer(lead) || newerClientMessage(em, leadId, messageId)) {
            return null;
        }
        StageRole role = roleOf(em, lead.stageId());
        if (role == StageRole.WON || role == StageRole.LOST) {
            return null; // the AI never touches a closed lead
        }
        List<Message> burst =
                em.createQuery(
                                "SELECT m FROM Message m WHERE m.leadId = :lead AND m.direction = 'IN'"
                                        + " AND m.id > :answered ORDER BY m.id",
                                Message.class)
                        .setParameter("lead", leadId)
                        .setParameter("answered", lead.aiAnsweredMessageId())
                        .getResultList();
        if (burst.isEmpty()) {
            return null; // answered already (a re-run after a crash)
        }
        long firstBurstId = burst.get(0).id();
        List<Message> earlier =
                em.createQuery(
                                "SELECT m FROM Message m WHERE m.leadId = :lead AND m.id < :first ORDER BY m.id DESC",
                                Message.class)
                        .setParameter("lead", leadId)
                        .setParameter("first", firstBurstId)
                        .setMaxResults(HISTORY)
                        .getResultList();
        List<HistoryLine> history = new ArrayList<>();
        for (int i = earlier.size() - 1; i >= 0; i--) {
            Message m = earlier.get(i);
            history.add(new HistoryLine("IN".equals(m.direction()), textOf(m)));
        }
        Map<String, Object> fields = LeadJson.fields(work, leadId);
        AiMemory memory = LeadJson.memory(work, leadId);
        LeadState state =
                new LeadState(
                        fields,
                        role,
                        lead.stageLocked(),
                        Temperature.valueOf(lead.temperature()),
                        lead.score(),
                        memory);
        String recipient = PhoneNumbers.toJid(lead.phone()).orElse(null);
        if (recipient == null) {
            return null;
        }
        return new Snapshot(
                state,
                burst.stream().map(AiTurnWorker::textOf).toList(),
                burst.get(burst.size() - 1).id(),
                history,
                lead.greetedAt() != null,
                recipient);
    }

    private void apply(
            TenantWork work,
            long leadId,
            Snapshot snap,
            TurnOutcome outcome,
            AiBrains.Decision decision,
            GreetingChains.Chain chain,
            List<LiveEvent> published) {
        EntityManager em = work.em();
        TenantRef tenant = work.tenant();
        Lead lead = em.find(Lead.class, leadId, LockModeType.PESSIMISTIC_WRITE);
        if (lead == null
                || !aiMayAnswer(lead)
                || lead.aiAnsweredMessageId() >= snap.lastBurstId()
                || newerClientMessage(em, leadId, snap.lastBurstId())) {
            return; // someone took the lead, it was answered, or the client wrote again meanwhile
        }
        StageRole currentRole = roleOf(em, lead.stageId());
        if (currentRole == StageRole.WON
                || currentRole == StageRole.LOST
                || lead.stageLocked() != snap.state().stageLockedByHuman()) {
            return; // a person moved the lead while the brain was thinking
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Instant at = clock.instant();
        String lastText = null;
        if (lead.greetedAt() == null) {
            for (GreetingChains.Step step : chain.steps()) {
                lastText = enqueueStep(work, lead, snap.recipient(), step, now, at, published);
            }
            lead.greeted(now);
            LeadJson.event(
                    work,
                    leadId,
                    "greeting.sent",
                    "AI",
                    null,
                    "Отправлена приветственная цепочка",
                    Map.of("steps", chain.steps().size(), "source", chain.source()),
                    now);
        }
        for (String reply : outcome.replies()) {
            lastText =
                    enqueue(
                            work,
                            lead,
                            snap.recipient(),
                            "TEXT",
                            reply,
                            null,
                            OutboundPayload.text(reply),
                            now,
                            at,
                            published);
        }
        for (int index : outcome.greetingSteps()) {
            if (index >= 0 && index < chain.steps().size()) {
                lastText =
                        enqueueStep(
                                work,
                                lead,
                                snap.recipient(),
                                chain.steps().get(index),
                                now,
                                at,
                                published);
            }
        }
        LeadState after = outcome.state();
        LeadJson.writeFields(work, leadId, after.fields());
        LeadJson.writeMemory(work, leadId, after.memory());
        Long newStage = null;
        if (after.stageRole() != null && after.stageRole() != snap.state().stageRole()) {
            newStage =
                    em
                            .createQuery(
                                    "SELECT s.id FROM Stage s WHERE s.role = :role", Long.class)
                            .setParameter("role", after.stageRole().name())
                            .getResultList()
                            .stream()
                            .findFirst()
                            .orElse(null);
        }
        lead.aiUpdated(
                newStage,
                after.temperature().name(),
                after.score(),
                text(after.fields().get("name")),
                text(after.fields().get("city")),
                snap.lastBurstId(),
                now);
        for (LeadEventDraft e : outcome.events()) {
            Map<String, Object> details = new HashMap<>(e.details());
            if (e.type().equals("stage.changed")) {
                // the same shape as a move by hand: roles, names and ids of both stages
                details.putAll(stageDetails(em, snap.state().stageRole(), after.stageRole()));
            }
            details.put("brain", decision.brain());
            if (decision.fallbackReason() != null) {
                details.put("fallback", decision.fallbackReason());
            }
            LeadJson.event(work, leadId, e.type(), "AI", null, e.reason(), details, now);
        }
        if (outcome.handOff()) {
            followUps.cancelPending(work, leadId, Decision.Reason.HANDED_OFF, "AI", null, now);
            lead.handOffToHuman(now);
            published.add(new LiveEvent(tenant.id(), "lead.handoff", leadId, null));
        }
        if (lastText != null) {
            lead.weWrote(lastText, now);
        }
        if (after.memory().notInterested()) {
            followUps.cancelPending(work, leadId, Decision.Reason.NOT_INTERESTED, "AI", null, now);
        } else if (lastText != null && !outcome.handOff()) {
            // the bot wrote and waits for the client: wake them up if they go silent
            em.flush();
            Long lastOut =
                    em.createQuery(
                                    "SELECT MAX(m.id) FROM Message m WHERE m.leadId = :l AND m.direction = 'OUT'",
                                    Long.class)
                            .setParameter("l", leadId)
                            .getSingleResult();
            followUps.arm(work, lead, lastOut, at);
        }
        published.add(new LiveEvent(tenant.id(), "lead.updated", leadId, null));
    }

    private String enqueueStep(
            TenantWork work,
            Lead lead,
            String recipient,
            GreetingChains.Step step,
            OffsetDateTime now,
            Instant at,
            List<LiveEvent> published) {
        EntityManager em = work.em();
        switch (step.kind()) {
            case "album" -> {
                String last = null;
                for (GreetingChains.Media m : step.media()) {
                    last =
                            enqueue(
                                    work,
                                    lead,
                                    recipient,
                                    "IMAGE",
                                    m.caption(),
                                    m.id(),
                                    OutboundPayload.media(m.id(), "IMAGE", m.caption(), null),
                                    now,
                                    at,
                                    published);
                }
                return last;
            }
            case "voice" -> {
                String id = step.media().get(0).id();
                return enqueue(
                        work,
                        lead,
                        recipient,
                        "VOICE",
                        null,
                        id,
                        new OutboundPayload("voice", null, id, null, null),
                        now,
                        at,
                        published);
            }
            case "link" -> {
                String text =
                        step.text() == null || step.text().isBlank()
                                ? step.url()
                                : step.text().strip() + "\n" + step.url();
                return enqueue(
                        work,
                        lead,
                        recipient,
                        "TEXT",
                        text,
                        null,
                        OutboundPayload.text(text),
                        now,
                        at,
                        published);
            }
            default -> {
                return enqueue(
                        work,
                        lead,
                        recipient,
                        "TEXT",
                        step.text(),
                        null,
                        OutboundPayload.text(step.text()),
                        now,
                        at,
                        published);
            }
        }
    }

    private String enqueue(
            TenantWork work,
            Lead lead,
            String recipient,
            String kind,
            String text,
            String mediaId,
            OutboundPayload payload,
            OffsetDateTime now,
            Instant at,
            List<LiveEvent> published) {
        EntityManager em = work.em();
        TenantRef tenant = work.tenant();
        Message message = Message.outbound(lead.id(), "AI", null, kind, text, now);
        if (mediaId != null) {
            media.find(Long.toString(tenant.id()), mediaId)
                    .ifPresentOrElse(
                            s -> message.attachMedia(mediaId, s.mimeType(), s.originalName()),
                            () -> message.attachMedia(mediaId, null, null));
        }
        em.persist(message);
        em.flush();
        Outbox.enqueue(em, tenant.id(), lead.id(), message.id(), recipient, payload, at, PACE);
        published.add(new LiveEvent(tenant.id(), "message.created", lead.id(), message.id()));
        return text != null ? text : "[" + kind.toLowerCase(java.util.Locale.ROOT) + "]";
    }

    private static Map<String, Object> stageDetails(
            EntityManager em, StageRole from, StageRole to) {
        Map<String, Object> d = new HashMap<>();
        for (var side : List.of(Map.entry("from", from), Map.entry("to", to))) {
            if (side.getValue() == null) {
                continue;
            }
            List<com.buildcrm.pipeline.Stage> stages =
                    em.createQuery(
                                    "SELECT s FROM Stage s WHERE s.role = :role",
                                    com.buildcrm.pipeline.Stage.class)
                            .setParameter("role", side.getValue().name())
                            .getResultList();
            d.put(side.getKey() + "Role", side.getValue().name());
            if (!stages.isEmpty()) {
                d.put(side.getKey() + "Id", stages.get(0).id());
                d.put(side.getKey(), stages.get(0).name());
            }
        }
        return d;
    }

    static boolean aiMayAnswer(Lead lead) {
        return lead.aiEnabled() && "AI".equals(lead.handledBy()) && !lead.needsHuman();
    }

    private static boolean newerClientMessage(EntityManager em, long leadId, long messageId) {
        return !em.createQuery(
                        "SELECT m.id FROM Message m WHERE m.leadId = :lead AND m.direction = 'IN' AND m.id > :id")
                .setParameter("lead", leadId)
                .setParameter("id", messageId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    private static StageRole roleOf(EntityManager em, long stageId) {
        List<String> roles =
                em.createQuery("SELECT s.role FROM Stage s WHERE s.id = :id", String.class)
                        .setParameter("id", stageId)
                        .getResultList();
        return roles.isEmpty() || roles.get(0) == null ? null : StageRole.valueOf(roles.get(0));
    }

    private static String textOf(Message m) {
        if (m.text() != null && !m.text().isBlank()) {
            return m.text();
        }
        return "[" + m.kind().toLowerCase(java.util.Locale.ROOT) + "]";
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }
}
