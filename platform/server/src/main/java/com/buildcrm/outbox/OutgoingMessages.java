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
        Stored stored = store(em, tenantId, leadId, recipient, author, authorId, what, at);
        Outbox.enqueue(
                em, tenantId, leadId, stored.message().id(), recipient, what.payload(), at, PACE);
        return stored.message();
    }

    /** A message stored in its conversation, and its send, not enqueued yet. */
    public record Stored(Message message, Outbox.Item send) {}

    /**
     * Stores the message only; the caller puts the sends of several into the outbox at once with
     * {@link #enqueueAll}, in the same transaction.
     */
    public Stored store(
            EntityManager em,
            long tenantId,
            long leadId,
            String recipient,
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
        em.persist(message);
        em.flush();
        return new Stored(
                message, new Outbox.Item(leadId, message.id(), recipient, what.payload(), at));
    }

    /** Enqueues the sends of messages {@link #store stored} in this transaction. */
    public static void enqueueAll(EntityManager em, long tenantId, List<Stored> stored) {
        Outbox.enqueueAll(em, tenantId, stored.stream().map(Stored::send).toList(), PACE);
    }
}
