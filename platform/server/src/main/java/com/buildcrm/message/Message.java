package com.buildcrm.message;

import com.buildcrm.channel.DeliveryStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One message of a lead's WhatsApp conversation, in either direction. */
@Entity
@Table(name = "messages")
public class Message {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "lead_id")
    private Long leadId;

    private String direction;

    @Enumerated(EnumType.STRING)
    private MessageAuthor author;

    @Column(name = "author_id")
    private Long authorId;

    private String kind;
    private String text;

    @Column(name = "media_id")
    private String mediaId;

    @Column(name = "media_mime")
    private String mediaMime;

    @Column(name = "media_name")
    private String mediaName;

    @Enumerated(EnumType.STRING)
    private MessageStatus status;

    @Column(name = "provider_message_id")
    private String providerMessageId;

    private String error;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    /** The text of a client's voice note, once transcribed (ADR 033). */
    private String transcript;

    /** {@code null} (not tried), DONE, FAILED or OFF: see {@link #transcribed}. */
    private String transcription;

    protected Message() {}

    /** A message the client sent us. */
    public static Message inbound(
            long leadId, String kind, String text, String providerMessageId, OffsetDateTime at) {
        Message m = new Message();
        m.leadId = leadId;
        m.direction = "IN";
        m.author = MessageAuthor.CLIENT;
        m.kind = kind;
        m.text = text;
        m.status = MessageStatus.RECEIVED;
        m.providerMessageId = providerMessageId;
        m.sentAt = at;
        m.createdAt = at;
        return m;
    }

    /** A message we send: queued in the outbox until the provider takes it. */
    public static Message outbound(
            long leadId,
            MessageAuthor author,
            Long authorId,
            String kind,
            String text,
            OffsetDateTime at) {
        Message m = new Message();
        m.leadId = leadId;
        m.direction = "OUT";
        m.author = author;
        m.authorId = authorId;
        m.kind = kind;
        m.text = text;
        m.status = MessageStatus.QUEUED;
        m.createdAt = at;
        return m;
    }

    /**
     * Inserts new messages with one statement (a batch's, ADR 049), every mapped column as the
     * persistence unit would write it.
     *
     * @return their ids, in the order of {@code messages}
     */
    public static List<Long> insertAll(EntityManager em, List<Message> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        int n = messages.size();
        Long[] leads = new Long[n];
        String[] directions = new String[n];
        String[] authors = new String[n];
        Long[] authorIds = new Long[n];
        String[] kinds = new String[n];
        String[] texts = new String[n];
        String[] mediaIds = new String[n];
        String[] mimes = new String[n];
        String[] names = new String[n];
        String[] statuses = new String[n];
        String[] providerIds = new String[n];
        String[] errors = new String[n];
        String[] sentAts = new String[n];
        String[] createdAts = new String[n];
        String[] transcripts = new String[n];
        String[] transcriptions = new String[n];
        for (int i = 0; i < n; i++) {
            Message m = messages.get(i);
            if (m.id != null) {
                throw new IllegalArgumentException("message " + m.id + " is stored already");
            }
            leads[i] = m.leadId;
            directions[i] = m.direction;
            authors[i] = m.author == null ? null : m.author.name();
            authorIds[i] = m.authorId;
            kinds[i] = m.kind;
            texts[i] = m.text;
            mediaIds[i] = m.mediaId;
            mimes[i] = m.mediaMime;
            names[i] = m.mediaName;
            statuses[i] = m.status == null ? null : m.status.name();
            providerIds[i] = m.providerMessageId;
            errors[i] = m.error;
            sentAts[i] = m.sentAt == null ? null : m.sentAt.toString();
            createdAts[i] = m.createdAt == null ? null : m.createdAt.toString();
            transcripts[i] = m.transcript;
            transcriptions[i] = m.transcription;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "INSERT INTO messages (lead_id, direction, author, author_id, kind, text, media_id,"
                                        + " media_mime, media_name, status, provider_message_id, error, sent_at, created_at,"
                                        + " transcript, transcription)"
                                        + " SELECT v.l, v.d, v.a, v.ai, v.k, v.t, v.mi, v.mm, v.mn, v.s, v.p, v.e,"
                                        + " CAST(v.sa AS timestamptz), CAST(v.ca AS timestamptz), v.tr, v.tn"
                                        + " FROM unnest(CAST(?1 AS bigint[]), CAST(?2 AS text[]), CAST(?3 AS text[]),"
                                        + " CAST(?4 AS bigint[]), CAST(?5 AS text[]), CAST(?6 AS text[]), CAST(?7 AS text[]),"
                                        + " CAST(?8 AS text[]), CAST(?9 AS text[]), CAST(?10 AS text[]), CAST(?11 AS text[]),"
                                        + " CAST(?12 AS text[]), CAST(?13 AS text[]), CAST(?14 AS text[]), CAST(?15 AS text[]),"
                                        + " CAST(?16 AS text[])) WITH ORDINALITY"
                                        + " AS v(l, d, a, ai, k, t, mi, mm, mn, s, p, e, sa, ca, tr, tn, n)"
                                        + " ORDER BY v.n RETURNING id, lead_id")
                        .setParameter(1, leads)
                        .setParameter(2, directions)
                        .setParameter(3, authors)
                        .setParameter(4, authorIds)
                        .setParameter(5, kinds)
                        .setParameter(6, texts)
                        .setParameter(7, mediaIds)
                        .setParameter(8, mimes)
                        .setParameter(9, names)
                        .setParameter(10, statuses)
                        .setParameter(11, providerIds)
                        .setParameter(12, errors)
                        .setParameter(13, sentAts)
                        .setParameter(14, createdAts)
                        .setParameter(15, transcripts)
                        .setParameter(16, transcriptions)
                        .getResultList();
        // the rows are inserted in the order of the SELECT, each taking the identity's next value:
        // ascending ids are the input's order (checked against each row's lead)
        List<Object[]> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(r -> ((Number) r[0]).longValue()));
        List<Long> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Object[] r = sorted.get(i);
            if (((Number) r[1]).longValue() != leads[i]) {
                throw new IllegalStateException("inserted messages came back out of order");
            }
            ids.add(((Number) r[0]).longValue());
        }
        return ids;
    }

    public void attachMedia(String mediaId, String mime, String name) {
        this.mediaId = mediaId;
        this.mediaMime = mime;
        this.mediaName = name;
    }

    /**
     * An inbound message whose file could not be fetched from the provider: it keeps its kind, has
     * no media, and says why.
     */
    public void mediaNotReceived(String reason) {
        String text = "media not received: " + reason;
        error = text.length() > 500 ? text.substring(0, 500) : text;
    }

    /**
     * Records what became of a send without loading the message (a send batch's, ADR 049): the same
     * change as {@link #sent}, {@link #failed}, {@link #unknown} or {@link #retrying} on the entity
     * ({@code MessageOutcomeDbTest} compares the two).
     *
     * @param status SENT, FAILED, UNKNOWN, or QUEUED for a send to retry
     * @param providerId the provider's id of a SENT message
     * @param error why, for any other status
     */
    public static void recordSend(
            EntityManager em,
            long id,
            MessageStatus status,
            String providerId,
            String error,
            OffsetDateTime at) {
        boolean sent = status == MessageStatus.SENT;
        em.createNativeQuery(
                        "UPDATE messages SET status = ?2, error = ?3,"
                                + " provider_message_id = CASE WHEN ?2 = 'SENT' THEN ?4 ELSE provider_message_id END,"
                                + " sent_at = CASE WHEN ?2 = 'SENT' THEN CAST(?5 AS timestamptz) ELSE sent_at END"
                                + " WHERE id = ?1")
                .setParameter(1, id)
                .setParameter(2, status.name())
                .setParameter(3, sent ? null : error)
                .setParameter(4, sent ? providerId : null)
                .setParameter(5, sent ? at.toString() : null)
                .executeUpdate();
    }

    public void sent(String providerId, OffsetDateTime at) {
        status = MessageStatus.SENT;
        providerMessageId = providerId;
        sentAt = at;
        error = null;
    }

    public void failed(String reason) {
        status = MessageStatus.FAILED;
        error = reason;
    }

    /**
     * The provider reported what happened to a message we sent (DELIVERED, READ, FAILED); null (a
     * status we do not know) changes nothing.
     */
    public void providerStatus(DeliveryStatus providerStatus, String providerError) {
        if (providerStatus == null) {
            return;
        }
        switch (providerStatus) {
            case DELIVERED -> status = MessageStatus.DELIVERED;
            case READ -> status = MessageStatus.READ;
            case FAILED -> {
                status = MessageStatus.FAILED;
                error =
                        providerError == null || providerError.isBlank()
                                ? "failed at the provider"
                                : providerError;
            }
            default -> {
                // SENT changes nothing we do not already know
            }
        }
    }

    /** A clear, temporary failure: still queued, the outbox retries. */
    public void retrying(String reason) {
        status = MessageStatus.QUEUED;
        error = reason;
    }

    public void unknown(String reason) {
        status = MessageStatus.UNKNOWN;
        error = reason;
    }

    public Long id() {
        return id;
    }

    public Long leadId() {
        return leadId;
    }

    public String direction() {
        return direction;
    }

    public MessageAuthor author() {
        return author;
    }

    public Long authorId() {
        return authorId;
    }

    public String kind() {
        return kind;
    }

    public String text() {
        return text;
    }

    public String mediaId() {
        return mediaId;
    }

    public String mediaMime() {
        return mediaMime;
    }

    public String mediaName() {
        return mediaName;
    }

    public MessageStatus status() {
        return status;
    }

    public String providerMessageId() {
        return providerMessageId;
    }

    public String error() {
        return error;
    }

    public OffsetDateTime sentAt() {
        return sentAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /** A voice note the transcription endpoint turned into text. */
    public void transcribed(String text) {
        this.transcript = text;
        this.transcription = "DONE";
    }

    /**
     * A voice note that stays untranscribed: {@code configured} false when no endpoint was set
     * (OFF), true when the endpoint failed (FAILED).
     */
    public void notTranscribed(boolean configured) {
        this.transcript = null;
        this.transcription = configured ? "FAILED" : "OFF";
    }

    /** Whether this is a client's voice note (or forwarded audio) with its file. */
    public boolean isVoiceWithFile() {
        return "IN".equals(direction)
                && ("VOICE".equals(kind) || "AUDIO".equals(kind))
                && mediaId != null;
    }

    public String transcript() {
        return transcript;
    }

    public String transcription() {
        return transcription;
    }
}
