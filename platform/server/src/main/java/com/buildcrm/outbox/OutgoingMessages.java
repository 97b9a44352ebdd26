package com.buildcrm.outbox;

import com.buildcrm.media.MediaStore;
import com.buildcrm.message.Message;
import com.buildcrm.message.MessageAuthor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way a message leaves us (ADR 014): stores the outbound {@link Message} in the lead's
 * conversation and puts its send into the durable outbox, both in the caller's transaction, so they
 * commit or roll back together. Used by the AI turn, the follow-ups and the CRM composer.
 */
@ApplicationScoped
public class OutgoingMessages {

    /** The least time between two messages to one chat (see {@link Outbox}). */
    public static final Duration PACE = Duration.ofMillis(1500);

    @Inject MediaStore media;

    /**
     * Stores the message and enqueues its send.
     *
     * @param recipient the chat id the channel sends to
     * @param author AI or HUMAN
     * @param authorId the user who wrote it (HUMAN), else null
     * @param at now: the message's creation time and the earliest send time
     * @return the stored message, flushed (it has its id)
     */
    public Message send(
            EntityManager em,
            long tenantId,
            long leadId,
            String recipient,
            MessageAuthor author,
            Long authorId,
            OutgoingMessage what,
            Instant at) {
        Message message = message(tenantId, leadId, author, authorId, what, at);
        em.persist(message);
        em.flush();
        Outbox.enqueue(em, tenantId, leadId, message.id(), recipient, what.payload(), at, PACE);
        return message;
    }

    /** A message to store and send ({@link #sendAll}). */
    public record Draft(
            long leadId,
            String recipient,
            MessageAuthor author,
            Long authorId,
            OutgoingMessage what,
            Instant at) {}

    /**
     * Stores several messages and enqueues their sends, as {@link #send} does one by one, with a
     * constant number of statements (a batch's, ADR 049): one insert of the messages, then {@link
     * Outbox#enqueueAll}. Messages to one chat are paced in the order given.
     *
     * @return the stored messages' ids, in the order of {@code drafts}
     */
    public List<Long> sendAll(EntityManager em, long tenantId, List<Draft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        List<Message> messages = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            messages.add(message(tenantId, d.leadId(), d.author(), d.authorId(), d.what(), d.at()));
        }
        List<Long> ids = Message.insertAll(em, messages);
        List<Outbox.Item> items = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            items.add(
                    new Outbox.Item(
                            d.leadId(), ids.get(i), d.recipient(), d.what().payload(), d.at()));
        }
        Outbox.enqueueAll(em, tenantId, items, PACE);
        return ids;
    }

    /** The outbound message as it is stored: the text, or the media with what we know of it. */
    private Message message(
            long tenantId,
            long leadId,
            MessageAuthor author,
            Long authorId,
            OutgoingMessage what,
            Instant at) {
        Message message =
                Message.outbound(
                        leadId,
                        author,
                        authorId,
                        what.kind().name(),
                        what.text(),
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        if (what.mediaId() != null) {
            media.find(Long.toString(tenantId), what.mediaId())
                    .ifPresentOrElse(
                            s ->
                                    message.attachMedia(
                                            what.mediaId(), s.mimeType(), s.originalName()),
                            () -> message.attachMedia(what.mediaId(), null, null));
        }
        return message;
    }
}
