package com.buildcrm.inbox;

import com.buildcrm.ai.AiSettingsStore;
import com.buildcrm.ai.turn.AiTurns;
import com.buildcrm.ai.turn.FirstContact;
import com.buildcrm.ai.voice.VoiceNotes;
import com.buildcrm.followup.Decision;
import com.buildcrm.followup.FollowUps;
import com.buildcrm.lead.ActorKind;
import com.buildcrm.lead.FieldSources;
import com.buildcrm.lead.Lead;
import com.buildcrm.live.LiveEvent;
import com.buildcrm.media.MediaRejectedException;
import com.buildcrm.media.MediaStore;
import com.buildcrm.media.StoredMedia;
import com.buildcrm.message.Message;
import com.buildcrm.notify.LeadMilestone;
import com.buildcrm.notify.Milestone;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import com.buildcrm.tenancy.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Turns stored inbound events ({@link InboxEvent}) into leads and messages. Idempotent: a processed
 * inbox row is skipped, and the lead, the message and the "processed" mark commit together.
 * Messages of one sender are applied in arrival order under a per-phone lock.
 *
 * <p>Files the provider did not inline are fetched first, outside the processing transaction, by
 * {@link InboundMediaFetcher}. When it gave a file up, the message is recorded <em>without its
 * file</em>: it keeps its kind (IMAGE, VOICE, …) and its caption, has no media, and carries the
 * reason in its {@code error}. The message is never lost and the row is never poisoned by a dead
 * media link ({@code mediaAttempts <= maxAttempts}).
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class.getName());

    @Inject Storage storage;
    @Inject TenantTransactions tenants;
    @Inject MediaStore media;
    @Inject Clock clock;
    @Inject AiSettingsStore aiSettings;
    @Inject FollowUps followUps;
    @Inject Event<LiveEvent> live;
    @Inject Event<LeadMilestone> milestones;
    @Inject InboxLimits limits;
    @Inject InboundMediaFetcher mediaFetcher;
    @Inject FirstContact firstContact;

    /** An unprocessed row and the rows whose files are still to be fetched before applying it. */
    private record Start(InboxRow first, List<InboxRow> awaitingMedia) {}

    public void process(long inboxId) {
        // the row, and the files it and the sender's older rows still need, in one transaction
        Start start =
                storage.transactions()
                        .inPlatform(
                                em -> {
                                    InboxRow row = InboxRows.unprocessed(em, inboxId);
                                    return row == null
                                            ? null
                                            : new Start(row, mediaFetcher.awaitingMedia(em, row));
                                });
        if (start == null) {
            return;
        }
        InboxRow first = start.first();
        TenantRef tenant = tenants.forJob(first.tenantId()).orElse(null);
        if (tenant == null) {
            return;
        }
        mediaFetcher.fetchMissing(first, start.awaitingMedia());
        List<LiveEvent> published = new ArrayList<>();
        Set<Long> toGreet = new LinkedHashSet<>();
        tenants.in(
                tenant,
                work -> {
                    published.clear();
                    toGreet.clear();
                    EntityManager em = work.em();
                    em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                            .setParameter(1, ((long) tenant.id() << 32) ^ first.phone().hashCode())
                            .getSingleResult();
                    // everything of this sender up to this row, oldest first, so the
                    // conversation keeps its order
                    for (InboxRow row :
                            InboxRows.pendingUpTo(em, first, limits.maxAttempts(), true)) {
                        String setAside = apply(em, tenant, row, published, toGreet);
                        if (setAside != null) {
                            setAside(em, row.id(), setAside);
                            continue;
                        }
                        InboxRows.markProcessed(em, row.id());
                    }
                    return null;
                });
        published.forEach(live::fire);
        // a new lead is greeted at once, before the debounce and its turn (ADR 054)
        firstContact.greet(tenant, List.copyOf(toGreet));
    }

    /**
     * Counts a failed attempt and keeps its error, in a transaction of its own (the failed one
     * rolled back). After {@link InboxLimits#maxAttempts()} of them the row is poisoned: kept,
     * shown on the health page, no longer re-enqueued.
     */
    public void recordFailure(long inboxId, Throwable error) {
        InboxRows.recordFailure(storage.transactions(), inboxId, error);
    }

    /**
     * Applies one row.
     *
     * @return null when applied (or deliberately ignored: a group chat), else why the row is set
     *     aside
     */
    private String apply(
            EntityManager em,
            TenantRef tenant,
            InboxRow row,
            List<LiveEvent> published,
            Set<Long> toGreet) {
        if (row.event() instanceof InboxEvent.Receipt receipt) {
            applyReceipt(em, tenant, row, receipt, published);
            return null;
        }
        InboxEvent.ClientMessage e = row.message();
        String phone = e.phone();
        if (e.group()) {
            return null; // stored in the inbox, but a group chat creates no lead
        }
        if (phone == null) {
            String sender = e.sender() == null ? "" : e.sender();
            return "unreadable sender: '"
                    + (sender.length() > 120 ? sender.substring(0, 120) + "…" : sender)
                    + "' is no phone number; the message is kept in the inbox, no lead was made";
        }
        if (row.awaitsMedia()) {
            // an older row committed after this job looked for missing media: fetch it first
            throw new InboundMediaFetcher.MediaNotFetchedException(
                    "the media of inbox row " + row.id() + " is not fetched yet");
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        OffsetDateTime at = parseTime(e.timestamp(), now);
        boolean duplicate =
                !em.createQuery(
                                "SELECT m.id FROM Message m WHERE m.providerMessageId = :p AND m.direction = 'IN'")
                        .setParameter("p", row.providerMessageId())
                        .getResultList()
                        .isEmpty();
        if (duplicate) {
            return null;
        }
        List<Lead> leads =
                em.createQuery("SELECT l FROM Lead l WHERE l.phone = :phone", Lead.class)
                        .setParameter("phone", phone)
                        .getResultList();
        Lead lead;
        boolean created = leads.isEmpty();
        String kind = e.kind().name();
        String text = e.text();
        if (created) {
            Long newStage =
                    em
                            .createQuery(
                                    "SELECT s.id FROM Stage s WHERE s.role = 'NEW'", Long.class)
                            .getResultList()
                            .stream()
                            .findFirst()
                            .orElseGet(
                                    () ->
                                            em.createQuery(
                                                            "SELECT s.id FROM Stage s ORDER BY s.position",
                                                            Long.class)
                                                    .setMaxResults(1)
                                                    .getSingleResult());
            String pushName = e.pushName();
            lead =
                    new Lead(
                            phone,
                            pushName == null || pushName.isBlank() ? null : pushName.strip(),
                            newStage,
                            row.provider(),
                            e.sender() == null ? "" : e.sender(),
                            now);
            // its first message is known before it is stored: one INSERT, not an INSERT and an
            // UPDATE that rewrites every index entry of the row (the search text changes)
            lead.clientWrote(preview(kind, text), at, e.pushName());
            em.persist(lead);
            em.flush();
        } else {
            lead = leads.get(0);
        }
        Message message = Message.inbound(lead.id(), kind, text, row.providerMessageId(), at);
        if (row.hasMedia()) {
            try {
                StoredMedia stored =
                        media.store(
                                Long.toString(tenant.id()),
                                new ByteArrayInputStream(row.media()),
                                e.media() == null ? null : e.media().mimeType(),
                                e.media() == null ? null : e.media().fileName(),
                                InboundMediaFetcher.MAX_MEDIA_BYTES);
                message.attachMedia(stored.id(), stored.mimeType(), stored.originalName());
            } catch (MediaRejectedException rejected) {
                LOG.warning(
                        () ->
                                "inbound media of inbox row "
                                        + row.id()
                                        + " not kept: "
                                        + rejected.getMessage());
                // the message stays, marked, as when the file could not be fetched
                message.mediaNotReceived(rejected.getMessage());
            }
        }
        if (e.mediaError() != null && message.mediaId() == null) {
            message.mediaNotReceived(e.mediaError());
        }
        em.persist(message);
        boolean nameFromProfile = created || lead.name() == null;
        if (!created) {
            lead.clientWrote(preview(kind, text), at, e.pushName());
        }
        em.flush();
        if (nameFromProfile && lead.name() != null) {
            // the WhatsApp profile name: a name the client states later replaces it, never the
            // reverse
            FieldSources.setIfAbsent(
                    TenantWork.of(em), lead.id(), List.of("name"), FieldSources.Source.PROFILE);
        }
        if (created) {
            milestones.fire(
                    new LeadMilestone(TenantWork.of(em), lead.id(), Milestone.CREATED, null, now));
        } else if (lead.ledByHuman()) {
            milestones.fire(
                    new LeadMilestone(
                            TenantWork.of(em),
                            lead.id(),
                            Milestone.CLIENT_WROTE_TO_HUMAN,
                            null,
                            now));
        }
        if (created) {
            published.add(new LiveEvent(tenant.id(), "lead.created", lead.id(), null));
        }
        published.add(new LiveEvent(tenant.id(), "message.created", lead.id(), message.id()));
        if (!created) {
            // a lead made just now has no follow-up to cancel (one statement less per new lead)
            followUps.cancelPending(
                    TenantWork.of(em),
                    lead.id(),
                    Decision.Reason.CLIENT_REPLIED,
                    ActorKind.SYSTEM,
                    null,
                    now);
        }
        if (lead.ledByAi() && lead.aiEnabled()) {
            AiSettingsStore.OnArrival ai = aiSettings.onArrival(em, tenant.id());
            // one AI turn per burst: each message schedules one; only the newest one answers
            AiTurns.schedule(
                    em,
                    tenant.id(),
                    lead.id(),
                    message.id(),
                    clock.instant().plusMillis(ai.debounceMs()));
            if (ai.enabled() && FirstContact.toGreet(lead)) {
                toGreet.add(lead.id());
            }
        } else if (message.isVoiceWithFile()) {
            // no AI turn will hear it: transcribed for the person who leads the lead (ADR 037)
            VoiceNotes.schedule(em, tenant.id(), message.id(), clock.instant());
        }
        return null;
    }

    /**
     * Sets a row aside at once, as if it had failed every attempt (ADR 009): kept, not processed,
     * counted as poison with its reason on the health page. For what no retry can mend, such as a
     * sender that is no phone number; the operator's retry reconsiders it.
     */
    private void setAside(EntityManager em, long inboxId, String reason) {
        LOG.warning(() -> "inbox row " + inboxId + " set aside: " + reason);
        InboxRows.setAside(em, inboxId, limits.maxAttempts(), reason);
    }

    private void applyReceipt(
            EntityManager em,
            TenantRef tenant,
            InboxRow row,
            InboxEvent.Receipt receipt,
            List<LiveEvent> published) {
        List<Message> found =
                em.createQuery(
                                "SELECT m FROM Message m WHERE m.providerMessageId = :p AND m.direction = 'OUT'",
                                Message.class)
                        .setParameter("p", row.providerMessageId().replaceFirst("#status:.*$", ""))
                        .getResultList();
        for (Message m : found) {
            m.providerStatus(receipt.status(), receipt.error());
            published.add(new LiveEvent(tenant.id(), "message.status", m.leadId(), m.id()));
        }
    }

    static String preview(String kind, String text) {
        if (text != null && !text.isBlank()) {
            return text.length() > 200 ? text.substring(0, 200) : text;
        }
        return switch (kind) {
            case "VOICE", "AUDIO" -> "[voice]";
            case "IMAGE" -> "[image]";
            case "VIDEO" -> "[video]";
            case "DOCUMENT" -> "[document]";
            case "LOCATION" -> "[location]";
            default -> "[unsupported message]";
        };
    }

    /** WhatsApp did not exist before; a provider time before this is not a real one. */
    private static final OffsetDateTime EARLIEST = OffsetDateTime.parse("2009-01-01T00:00:00Z");

    /**
     * The provider's send time, or {@code fallback} (now) when it is missing, unreadable or
     * implausible (before 2009 or more than a day ahead): a wrong clock or a hostile body must not
     * make the message unstorable (PostgreSQL's timestamps end in the year 294276).
     */
    static OffsetDateTime parseTime(String iso, OffsetDateTime fallback) {
        try {
            if (iso == null) {
                return fallback;
            }
            OffsetDateTime at =
                    OffsetDateTime.ofInstant(java.time.Instant.parse(iso), ZoneOffset.UTC);
            return at.isBefore(EARLIEST) || at.isAfter(fallback.plusDays(1)) ? fallback : at;
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
