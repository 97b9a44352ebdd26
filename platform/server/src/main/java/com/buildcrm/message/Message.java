package com.buildcrm.message;

import com.buildcrm.channel.DeliveryStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

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
