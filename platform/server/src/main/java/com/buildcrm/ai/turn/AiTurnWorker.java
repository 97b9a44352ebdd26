package com.buildcrm.ai.turn;

import com.buildcrm.ai.AiSettings;
import com.buildcrm.ai.greeting.GreetingChains;
import com.buildcrm.ai.knowledge.KnowledgeAdminService;
import com.buildcrm.ai.knowledge.KnowledgeStore;
import com.buildcrm.ai.llm.AiBrains;
import com.buildcrm.ai.llm.LlmConfig;
import com.buildcrm.ai.voice.VoiceNotes;
import com.buildcrm.brain.Action;
import com.buildcrm.brain.AiMemory;
import com.buildcrm.brain.CoreExtractors;
import com.buildcrm.brain.HistoryLine;
import com.buildcrm.brain.LeadEventDraft;
import com.buildcrm.brain.LeadState;
import com.buildcrm.brain.RepeatedGreeting;
import com.buildcrm.brain.StageRole;
import com.buildcrm.brain.Temperature;
import com.buildcrm.brain.TurnEngine;
import com.buildcrm.brain.TurnInput;
import com.buildcrm.brain.TurnOutcome;
import com.buildcrm.brain.UnheardVoice;
import com.buildcrm.followup.Decision;
import com.buildcrm.followup.FollowUps;
import com.buildcrm.lead.ActorKind;
import com.buildcrm.lead.FieldSources;
import com.buildcrm.lead.Lead;
import com.buildcrm.lead.LeadJson;
import com.buildcrm.live.LiveEvent;
import com.buildcrm.message.Message;
import com.buildcrm.message.MessageAuthor;
import com.buildcrm.notify.LeadMilestone;
import com.buildcrm.notify.Milestone;
import com.buildcrm.outbox.OutgoingMessage;
import com.buildcrm.outbox.OutgoingMessages;
import com.buildcrm.phone.PhoneNumbers;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import com.buildcrm.tenancy.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Runs one AI turn for a lead (DESIGN §4.3): snapshot in one read-only transaction, the brain
 * outside any transaction, then re-check and apply in a second one (fields, stage, score, events,
 * handoff, the replies into the outbox). The first turn of a lead also queues the greeting chain,
 * exactly once. Re-running a finished turn does nothing: the answered burst is recorded on the
 * lead.
 */
@ApplicationScoped
public class AiTurnWorker {

    private static final Logger LOG = Logger.getLogger(AiTurnWorker.class.getName());
    static final int HISTORY = 30;

    @Inject TenantTransactions tenants;
    @Inject AiBrains brains;
    @Inject KnowledgeAdminService knowledge;
    @Inject Clock clock;
    @Inject FollowUps followUps;
    @Inject OutgoingMessages outgoing;
    @Inject Event<LiveEvent> live;
    @Inject Event<LeadMilestone> milestones;
    @Inject VoiceNotes voiceNotes;
    @Inject FirstContact firstContact;

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
            String recipient,
            List<VoiceNotes.Pending> voicePending,
            boolean unheardVoiceOnly,
            boolean askToWrite,
            Optional<Long> knowledgeVersion,
            boolean wroteSinceBurst) {}

    public void run(String instance) {
        long[] ids = AiTurns.parse(instance);
        run(ids[0], ids[1], ids[2]);
    }

    public void run(long tenantId, long leadId, long messageId) {
        TenantRef tenant = tenants.forJob(tenantId).orElse(null);
        if (tenant == null) {
            return;
        }
        tenants.namedInLogs(tenant, () -> turn(tenant, tenantId, leadId, messageId));
    }

    private void turn(TenantRef tenant, long tenantId, long leadId, long messageId) {
        // the company's setup and its greeting chain, kept per instance (ADR 055)
        FirstContact.Configured configured = firstContact.configured(tenantId);
        TenantSetup setup = configured.setup();
        if (!setup.ai().enabled()) {
            // no AI answers, but a voice note is still heard for the person (ADR 037)
            voiceNotes.transcribeMessage(tenant, messageId);
            return;
        }
        Snapshot taken = tenants.read(tenant, work -> snapshot(work, leadId, messageId));
        if (taken == null && tenants.read(tenant, work -> aiLeavesAlone(work, leadId))) {
            // a person took the lead (or closed it) before this turn: its voice note is still
            // transcribed for them; the AI does not answer (ADR 037)
            voiceNotes.transcribeMessage(tenant, messageId);
            return;
        }
        if (taken != null && !taken.voicePending().isEmpty()) {
            // voice notes become the client's words before the brain sees the burst (ADR 033)
            voiceNotes.transcribe(tenant, taken.voicePending());
            taken = tenants.read(tenant, work -> snapshot(work, leadId, messageId));
        }
        Snapshot snap = taken;
        if (snap == null) {
            return;
        }
        IndustryPack pack = configured.pack();
        // the chain is needed to greet, and its length bounds the brain's send_greeting_step
        GreetingChains.Chain chain = configured.chain();
        // the chain greets (it goes out right before this turn's replies on the first turn)
        boolean greeted = snap.greeted() || !chain.steps().isEmpty();
        // on the first turn the brain sees the chain as our last messages (it goes out first), so
        // the answer neither greets again nor repeats the chain's question word for word
        List<HistoryLine> history = new ArrayList<>(snap.history());
        if (!snap.greeted()) {
            chain.steps()
                    .forEach(
                            step ->
                                    step.messages()
                                            .forEach(
                                                    m ->
                                                            history.add(
                                                                    new HistoryLine(
                                                                            false, m.preview()))));
        }
        TurnInput input =
                new TurnInput(
                        snap.state(),
                        snap.burst(),
                        history,
                        pack,
                        setup.packSettings(),
                        setup.locale(),
                        setup.ai().prompt(),
                        knowledge.forTurn(
                                tenant,
                                snap.knowledgeVersion(),
                                pack,
                                setup.packId(),
                                setup.locale()),
                        greeted);
        AiBrains.Decision decision =
                snap.unheardVoiceOnly()
                        ? unheardVoice(snap, setup.locale())
                        : brains.decide(input, llmConfig(setup.ai()), chain.steps().size());
        TurnOutcome outcome =
                TurnEngine.apply(
                        snap.state(),
                        RepeatedGreeting.notAgain(decision.actions(), greeted),
                        pack.qualificationSchema());
        List<LiveEvent> published = new ArrayList<>();
        tenants.in(
                tenant,
                work -> {
                    apply(work, leadId, snap, outcome, decision, chain, published);
                    return null;
                });
        published.forEach(live::fire);
    }

    /**
     * Voice notes nobody could listen to: the AI asks the client to write, once per run of them,
     * and otherwise stays silent (ADR 033).
     */
    private static AiBrains.Decision unheardVoice(Snapshot snap, String locale) {
        List<Action> actions =
                snap.askToWrite()
                        ? List.of(new Action.Reply(UnheardVoice.askToWrite(locale)))
                        : List.of();
        return new AiBrains.Decision(actions, AiBrains.RULES, null);
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
        StageRole role = TurnStages.roleOf(em, lead.stageId());
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
        // the conversation before the burst, and what we wrote since it began (the greeting sent on
        // arrival, ADR 054): the brain sees it as our last messages, as a chain sent by this turn
        List<Message> earlier =
                em.createQuery(
                                "SELECT m FROM Message m WHERE m.leadId = :lead"
                                        + " AND (m.id < :first OR m.direction = 'OUT') ORDER BY m.id DESC",
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
        boolean wroteSinceBurst = !earlier.isEmpty() && earlier.get(0).id() > firstBurstId;
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
        String lastOut =
                earlier.stream()
                        .filter(m -> "OUT".equals(m.direction()))
                        .findFirst()
                        .map(Message::text)
                        .orElse(null);
        List<VoiceNotes.Pending> voicePending = VoiceNotes.pending(burst);
        boolean unheardVoiceOnly =
                voicePending.isEmpty() && VoiceNotes.shouldAskToWrite(burst, null);
        return new Snapshot(
                state,
                burst.stream().map(AiTurnWorker::textOf).toList(),
                burst.get(burst.size() - 1).id(),
                history,
                lead.greetedAt() != null,
                recipient,
                voicePending,
                unheardVoiceOnly,
                unheardVoiceOnly && VoiceNotes.shouldAskToWrite(burst, lastOut),
                // the company's knowledge version, read here rather than in a transaction of its
                // own
                KnowledgeStore.version(work),
                wroteSinceBurst);
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
        StageRole currentRole = TurnStages.roleOf(em, lead.stageId());
        if (currentRole == StageRole.WON
                || currentRole == StageRole.LOST
                || lead.stageLocked() != snap.state().stageLockedByHuman()) {
            return; // a person moved the lead while the brain was thinking
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Instant at = clock.instant();
        List<OutgoingMessage> messages = new ArrayList<>();
        if (lead.greetedAt() == null) {
            // not greeted on arrival (no chain then, or that greeting failed): greeted now
            chain.steps().forEach(step -> messages.addAll(step.messages()));
            FirstContact.chainSent(work, lead, chain, now);
        }
        outcome.replies().forEach(reply -> messages.add(OutgoingMessage.text(reply)));
        for (int index : outcome.greetingSteps()) {
            if (index >= 0 && index < chain.steps().size()) {
                messages.addAll(chain.steps().get(index).messages());
            }
        }
        String lastText = null;
        List<OutgoingMessages.Draft> drafts = new ArrayList<>(messages.size());
        for (OutgoingMessage message : messages) {
            drafts.add(
                    new OutgoingMessages.Draft(
                            leadId, snap.recipient(), MessageAuthor.AI, null, message, at));
            lastText = message.preview();
        }
        // a greeting chain and the replies are stored and go into the outbox together, paced one
        // after another (ADR 049)
        for (long id : outgoing.sendAll(em, tenant.id(), drafts)) {
            published.add(new LiveEvent(tenant.id(), "message.created", leadId, id));
        }
        LeadState after = personWins(work, leadId, snap.state(), outcome.state());
        LeadJson.writeFields(work, leadId, after.fields());
        LeadJson.writeMemory(work, leadId, after.memory());
        boolean wasHot = Temperature.HOT.name().equals(lead.temperature());
        Long newStage = null;
        if (after.stageRole() != null && after.stageRole() != snap.state().stageRole()) {
            newStage = TurnStages.idOf(em, after.stageRole());
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
                details.putAll(
                        TurnStages.moveDetails(em, snap.state().stageRole(), after.stageRole()));
            }
            details.put("brain", decision.brain());
            if (decision.fallbackReason() != null) {
                details.put("fallback", decision.fallbackReason());
            }
            LeadJson.event(work, leadId, e.type(), ActorKind.AI, null, e.reason(), details, now);
        }
        if (outcome.handOff()) {
            followUps.cancelPending(
                    work, leadId, Decision.Reason.HANDED_OFF, ActorKind.AI, null, now);
            lead.handOffToHuman(now);
            published.add(new LiveEvent(tenant.id(), "lead.handoff", leadId, null));
        }
        if (lastText != null) {
            lead.weWrote(lastText, now);
        }
        if (after.memory().notInterested()) {
            followUps.cancelPending(
                    work, leadId, Decision.Reason.NOT_INTERESTED, ActorKind.AI, null, now);
        } else if ((lastText != null || snap.wroteSinceBurst()) && !outcome.handOff()) {
            // the bot wrote (this turn, or its greeting on arrival) and waits for the client: wake
            // them up if they go silent
            em.flush();
            Long lastOut =
                    em.createQuery(
                                    "SELECT MAX(m.id) FROM Message m WHERE m.leadId = :l AND m.direction = 'OUT'",
                                    Long.class)
                            .setParameter("l", leadId)
                            .getSingleResult();
            followUps.arm(work, lead, lastOut, at);
        }
        em.flush();
        if (newStage != null && after.stageRole() == StageRole.CALL_REQUESTED) {
            milestones.fire(new LeadMilestone(work, leadId, Milestone.CALL_REQUESTED, null, now));
        }
        Object callTime = after.fields().get(CoreExtractors.CALL_TIME);
        if (callTime != null
                && after.stageRole() == StageRole.CALL_REQUESTED
                && !callTime.equals(snap.state().fields().get(CoreExtractors.CALL_TIME))) {
            milestones.fire(new LeadMilestone(work, leadId, Milestone.CALL_TIME_GIVEN, null, now));
        }
        if (outcome.handOff()) {
            milestones.fire(new LeadMilestone(work, leadId, Milestone.HANDED_OFF, null, now));
        }
        if (!wasHot && after.temperature() == Temperature.HOT) {
            milestones.fire(new LeadMilestone(work, leadId, Milestone.BECAME_HOT, null, now));
        }
        published.add(new LiveEvent(tenant.id(), "lead.updated", leadId, null));
    }

    /** The turn's lead with a person's values kept (see {@link FieldSources#afterAiTurn}). */
    private static LeadState personWins(
            TenantWork work, long leadId, LeadState before, LeadState after) {
        return new LeadState(
                FieldSources.afterAiTurn(work, leadId, before.fields(), after.fields()),
                after.stageRole(),
                after.stageLockedByHuman(),
                after.temperature(),
                after.score(),
                after.memory());
    }

    /**
     * Whether the AI leaves this lead alone for now: a person leads it, the AI is off for it, it is
     * closed, or it has no number to answer to. (A lead the AI answers later — a newer message's
     * turn — is not left alone: that turn hears the whole burst.)
     */
    private static boolean aiLeavesAlone(TenantWork work, long leadId) {
        Lead lead = work.em().find(Lead.class, leadId);
        if (lead == null) {
            return false;
        }
        StageRole role = TurnStages.roleOf(work.em(), lead.stageId());
        return !aiMayAnswer(lead)
                || role == StageRole.WON
                || role == StageRole.LOST
                || PhoneNumbers.toJid(lead.phone()).isEmpty();
    }

    static boolean aiMayAnswer(Lead lead) {
        return lead.aiEnabled() && lead.ledByAi() && !lead.needsHuman();
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

    private static String textOf(Message m) {
        String heard = VoiceNotes.transcriptOf(m);
        if (heard != null) {
            return heard;
        }
        if (m.text() != null && !m.text().isBlank()) {
            return m.text();
        }
        return "[" + m.kind().toLowerCase(java.util.Locale.ROOT) + "]";
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }
}
