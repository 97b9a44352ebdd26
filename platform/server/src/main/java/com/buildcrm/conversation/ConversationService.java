package com.buildcrm.conversation;

import com.buildcrm.channel.MediaKind;
import com.buildcrm.config.ServerSettings;
import com.buildcrm.lead.Lead;
import com.buildcrm.lead.LeadService;
import com.buildcrm.live.LiveEvent;
import com.buildcrm.media.MediaStore;
import com.buildcrm.media.SignedUrls;
import com.buildcrm.media.StoredMedia;
import com.buildcrm.message.Message;
import com.buildcrm.message.MessageAuthor;
import com.buildcrm.outbox.OutgoingMessage;
import com.buildcrm.outbox.OutgoingMessages;
import com.buildcrm.phone.PhoneNumbers;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.tenancy.TenantWork;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** A lead's conversation: the history, and writing to the client as the current user. */
@ApplicationScoped
public class ConversationService {

    /** Pause between two messages to one chat (ChatFlow bans fast senders). */
    @Inject TenantData data;

    @Inject LeadService leads;
    @Inject SignedUrls signedUrls;
    @Inject MediaStore media;
    @Inject ServerSettings settings;
    @Inject Clock clock;
    @Inject com.buildcrm.handoff.Handoffs handoffs;
    @Inject Event<LiveEvent> live;
    @Inject OutgoingMessages outgoing;
    @Inject com.buildcrm.template.CrmTemplates templates;

    public record MessageResponse(
            long id,
            String direction,
            String author,
            Long authorId,
            String kind,
            String text,
            MediaRef media,
            String status,
            String error,
            OffsetDateTime sentAt,
            OffsetDateTime createdAt,
            String transcript,
            String transcription) {}

    /** A media file with a link that expires. */
    public record MediaRef(String id, String mimeType, String name, String url) {}

    public record MessagePage(List<MessageResponse> items, String previousCursor) {}

    /** Newest last; {@code beforeId} pages back in time. */
    public MessagePage history(long leadId, Long beforeId, int limit) {
        int size = Math.max(1, Math.min(limit, 200));
        long tenantId = data.tenant().id();
        return data.read(
                em -> {
                    leads.findVisible(em, leadId);
                    var query =
                            em.createQuery(
                                            "SELECT m FROM Message m WHERE m.leadId = :lead"
                                                    + (beforeId == null
                                                            ? ""
                                                            : " AND m.id < :before")
                                                    + " ORDER BY m.id DESC",
                                            Message.class)
                                    .setParameter("lead", leadId)
                                    .setMaxResults(size + 1);
                    if (beforeId != null) {
                        query.setParameter("before", beforeId);
                    }
                    List<Message> newestFirst = query.getResultList();
                    boolean more = newestFirst.size() > size;
                    List<Message> page = more ? newestFirst.subList(0, size) : newestFirst;
                    List<MessageResponse> items =
                            reversed(page).stream().map(m -> toResponse(tenantId, m)).toList();
                    return new MessagePage(
                            items, more ? Long.toString(page.get(page.size() - 1).id()) : null);
                });
    }

    /** Writes a text to the client as the current user: a durable message and its outbox row. */
    public MessageResponse sendText(long leadId, String text) {
        return send(leadId, OutgoingMessage.text(text));
    }

    /**
     * Sends one of the company's stored files (photo, video, document, voice) with an optional
     * caption.
     */
    public MessageResponse sendMedia(long leadId, String mediaId, String caption) {
        long tenantId = data.tenant().id();
        StoredMedia stored =
                media.find(Long.toString(tenantId), mediaId)
                        .orElseThrow(
                                () ->
                                        ApiProblem.invalidField(
                                                "mediaId",
                                                "no such file; upload it with POST /api/crm/media"));
        OutgoingMessage message =
                switch (stored.format().kind()) {
                    case IMAGE ->
                            OutgoingMessage.media(
                                    MediaKind.IMAGE, mediaId, caption, stored.originalName());
                    case VIDEO ->
                            OutgoingMessage.media(
                                    MediaKind.VIDEO, mediaId, caption, stored.originalName());
                    case AUDIO -> OutgoingMessage.voice(mediaId, caption);
                    default ->
                            OutgoingMessage.media(
                                    MediaKind.DOCUMENT, mediaId, caption, stored.originalName());
                };
        return send(leadId, message);
    }

    /**
     * Where the lead stands with WhatsApp's customer-service window, and the template a person can
     * send past it (ADR 035).
     */
    public com.buildcrm.template.TemplateApi.WindowView window(long leadId) {
        long userId = data.currentUserId();
        Instant at = clock.instant();
        return data.work(
                work -> templates.view(work, leads.findVisible(work.em(), leadId), userId, at));
    }

    /** Sends the tenant's {@code reopen} template to the lead (ADR 035). */
    public MessageResponse sendReopenTemplate(long leadId) {
        long userId = data.currentUserId();
        return send(leadId, (work, lead) -> templates.reopen(work, lead, userId));
    }

    private MessageResponse send(long leadId, OutgoingMessage what) {
        Instant checkedAt = clock.instant();
        return send(
                leadId,
                (work, lead) -> {
                    // past WhatsApp's window a free message would only fail at Meta: say so now
                    templates.requireFreeText(work, lead, checkedAt);
                    return what;
                });
    }

    private MessageResponse send(
            long leadId, java.util.function.BiFunction<TenantWork, Lead, OutgoingMessage> compose) {
        long tenantId = data.tenant().id();
        long userId = data.currentUserId();
        Instant at = clock.instant();
        OffsetDateTime now = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        MessageResponse sent =
                data.tx(
                        em -> {
                            Lead lead = leads.findVisible(em, leadId);
                            String recipient =
                                    PhoneNumbers.toJid(lead.phone())
                                            .orElseThrow(
                                                    () ->
                                                            ApiProblem.conflict(
                                                                    "no-recipient",
                                                                    "The lead's phone number cannot receive WhatsApp"));
                            OutgoingMessage what = compose.apply(TenantWork.of(em), lead);
                            if (lead.ledByAi() || lead.handlerId() == null) {
                                // a person writing to an AI-led lead takes it over: never two
                                // voices
                                handoffs.takeOver(
                                        TenantWork.of(em),
                                        lead,
                                        userId,
                                        "Менеджер написал клиенту — диалог перешёл к нему",
                                        now);
                            }
                            Message message =
                                    outgoing.send(
                                            em,
                                            tenantId,
                                            leadId,
                                            recipient,
                                            MessageAuthor.HUMAN,
                                            userId,
                                            what,
                                            at);
                            lead.weWrote(what.preview(), now);
                            return toResponse(tenantId, message);
                        });
        live.fire(new LiveEvent(tenantId, "message.created", leadId, sent.id()));
        return sent;
    }

    private static List<Message> reversed(List<Message> list) {
        List<Message> copy = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    /** The API view of a stored message (media with a fresh signed URL). */
    public MessageResponse toResponse(long tenantId, Message m) {
        MediaRef media =
                m.mediaId() == null
                        ? null
                        : new MediaRef(
                                m.mediaId(),
                                m.mediaMime(),
                                m.mediaName(),
                                settings.baseUrl()
                                        + signedUrls.sign(
                                                Long.toString(tenantId),
                                                m.mediaId(),
                                                Duration.ofHours(1)));
        return new MessageResponse(
                m.id(),
                m.direction(),
                m.author().name(),
                m.authorId(),
                m.kind(),
                m.text(),
                media,
                m.status().name(),
                m.error(),
                m.sentAt(),
                m.createdAt(),
                m.transcript(),
                transcriptionOf(m));
    }

    /**
     * A client's voice note: DONE (its {@code transcript} is the text), FAILED or OFF (not
     * transcribed: the endpoint failed, or none is configured), PENDING (not tried yet); {@code
     * null} for every other message (ADR 033).
     */
    private static String transcriptionOf(Message m) {
        if (!"IN".equals(m.direction())
                || !("VOICE".equals(m.kind()) || "AUDIO".equals(m.kind()))) {
            return null;
        }
        if (m.transcription() != null) {
            return m.transcription();
        }
        return m.mediaId() == null ? "FAILED" : "PENDING"; // a file never received cannot be heard
    }
}
