package com.buildcrm.ai.turn;

import com.buildcrm.ai.AiSettingsStore;
import com.buildcrm.ai.TenantPack;
import com.buildcrm.ai.greeting.GreetingChains;
import com.buildcrm.brain.StageRole;
import com.buildcrm.lead.ActorKind;
import com.buildcrm.lead.Lead;
import com.buildcrm.lead.LeadJson;
import com.buildcrm.live.LiveEvent;
import com.buildcrm.message.MessageAuthor;
import com.buildcrm.outbox.OutgoingMessage;
import com.buildcrm.outbox.OutgoingMessages;
import com.buildcrm.pack.PackHost;
import com.buildcrm.phone.PhoneNumbers;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.tenancy.KeptAnswersDropped;
import com.buildcrm.tenancy.SignalledCache;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import com.buildcrm.tenancy.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A lead's first contact (DESIGN §5, ADR 054): the company's greeting chain goes into the outbox as
 * soon as the lead's first message is stored, not after the debounce and the brain. The AI turn
 * that follows answers what the client wrote and finds the lead greeted.
 *
 * <p>Exactly once: the greeting and the turn both lock the lead's row and greet only a lead with no
 * {@code greeted_at}; whichever comes first greets, in the transaction that sets it. A greeting
 * that fails here is left to the turn, which greets as it always did.
 */
@ApplicationScoped
public class FirstContact {

    private static final Logger LOG = Logger.getLogger(FirstContact.class.getName());

    @Inject Storage storage;
    @Inject TenantTransactions tenants;
    @Inject AiSettingsStore aiSettings;
    @Inject GreetingChains greetings;
    @Inject PackHost packs;
    @Inject OutgoingMessages outgoing;
    @Inject Clock clock;
    @Inject Event<LiveEvent> live;

    /** The company's AI setup, its pack and (when the AI answers) its greeting chain, together. */
    record Configured(
            AiTurnWorker.TenantSetup setup, IndustryPack pack, GreetingChains.Chain chain) {}

    /**
     * How long a company's {@link Configured} is kept when no change is signalled (ADR 055): the
     * operator's changes drop it at once on every instance ({@code SessionChange.setup}); this
     * bounds it if a signal is lost.
     */
    static final Duration KEPT = Duration.ofSeconds(5);

    private final SignalledCache<Long, Configured> kept = new SignalledCache<>(KEPT, 20_000);

    /**
     * The company's {@link Configured}, kept per instance for {@link #KEPT} (a greeting and every
     * turn need it; reading it is a platform transaction of three queries).
     */
    Configured configured(long tenantId) {
        return kept.get(
                tenantId, () -> storage.transactions().inPlatform(em -> configured(em, tenantId)));
    }

    void dropKept(@Observes KeptAnswersDropped dropped) {
        kept.invalidateAll();
    }

    /** Reads {@link Configured} in the caller's platform transaction. */
    Configured configured(EntityManager platformEm, long tenantId) {
        TenantPack tenantPack = TenantPack.load(platformEm, tenantId);
        AiTurnWorker.TenantSetup setup =
                new AiTurnWorker.TenantSetup(
                        tenantPack.packId(),
                        tenantPack.settings(),
                        tenantPack.locale(),
                        aiSettings.load(platformEm, tenantId));
        if (!setup.ai().enabled()) {
            return new Configured(setup, null, null);
        }
        IndustryPack pack = packs.packFor(setup.packId());
        return new Configured(
                setup,
                pack,
                greetings.resolve(
                        platformEm,
                        tenantId,
                        setup.packId(),
                        pack,
                        setup.locale(),
                        setup.packSettings()));
    }

    /**
     * Whether a lead, as the inbox just left it, is one to greet on arrival: the AI answers it and
     * has not greeted it. (Checked again under the lead's lock by {@link #greet}.)
     */
    public static boolean toGreet(Lead lead) {
        return lead.greetedAt() == null && AiTurnWorker.aiMayAnswer(lead);
    }

    /**
     * Greets the leads the inbox just stored a first message for, each in a transaction of its own
     * after the inbox's commit. Never throws: a lead not greeted here is greeted by its turn.
     */
    public void greet(TenantRef tenant, List<Long> leadIds) {
        if (leadIds.isEmpty()) {
            return;
        }
        try {
            Configured configured = configured(tenant.id());
            if (!configured.setup().ai().enabled() || configured.chain().steps().isEmpty()) {
                return;
            }
            for (long leadId : leadIds) {
                List<LiveEvent> published = new ArrayList<>();
                tenants.in(
                        tenant,
                        work -> {
                            greet(work, leadId, configured.chain(), published);
                            return null;
                        });
                published.forEach(live::fire);
            }
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    e,
                    () ->
                            "greeting on arrival failed for leads "
                                    + leadIds
                                    + "; their turns greet");
        }
    }

    /** Greets one lead if it still wants greeting, in the caller's tenant transaction. */
    private void greet(
            TenantWork work, long leadId, GreetingChains.Chain chain, List<LiveEvent> published) {
        EntityManager em = work.em();
        Lead lead = em.find(Lead.class, leadId, LockModeType.PESSIMISTIC_WRITE);
        if (lead == null || !toGreet(lead)) {
            return; // its turn (or a person) got there first
        }
        StageRole role = TurnStages.roleOf(em, lead.stageId());
        String recipient = PhoneNumbers.toJid(lead.phone()).orElse(null);
        if (role == StageRole.WON || role == StageRole.LOST || recipient == null) {
            return; // the turn leaves such a lead alone too
        }
        Instant at = clock.instant();
        OffsetDateTime now = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        List<OutgoingMessages.Draft> drafts = new ArrayList<>();
        String lastText = null;
        for (GreetingChains.Step step : chain.steps()) {
            for (OutgoingMessage message : step.messages()) {
                drafts.add(
                        new OutgoingMessages.Draft(
                                leadId, recipient, MessageAuthor.AI, null, message, at));
                lastText = message.preview();
            }
        }
        if (lastText != null) {
            // before chainSent, whose statements flush the lead: greeted and its last message in
            // one UPDATE of the row, not two
            lead.weWrote(lastText, now);
        }
        chainSent(work, lead, chain, now);
        for (long id : outgoing.sendAll(em, work.tenant().id(), drafts)) {
            published.add(new LiveEvent(work.tenant().id(), "message.created", leadId, id));
        }
        published.add(new LiveEvent(work.tenant().id(), "lead.updated", leadId, null));
    }

    /**
     * Marks the lead greeted and records it in its history (the chain's messages are the caller's).
     */
    static void chainSent(
            TenantWork work, Lead lead, GreetingChains.Chain chain, OffsetDateTime now) {
        lead.greeted(now);
        LeadJson.event(
                work,
                lead.id(),
                "greeting.sent",
                ActorKind.AI,
                null,
                "Отправлена приветственная цепочка",
                Map.of("steps", chain.steps().size(), "source", chain.source()),
                now);
    }
}
