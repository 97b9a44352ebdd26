package com.buildcrm.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A lead: one client phone number of one tenant, with its place in the funnel. */
@Entity
@Table(name = "leads")
public class Lead {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String phone;
    private String name;
    private String city;

    @Column(name = "stage_id")
    private Long stageId;

    private String temperature;
    private int score;

    @Column(name = "handled_by")
    @Enumerated(EnumType.STRING)
    private HandledBy handledBy;

    @Column(name = "handler_id")
    private Long handlerId;

    @Column(name = "assignee_id")
    private Long assigneeId;

    @Column(name = "no_reply")
    private boolean noReply;

    @Column(name = "waiting_for_reply_since")
    private OffsetDateTime waitingForReplySince;

    @Column(name = "last_message_text")
    private String lastMessageText;

    @Column(name = "last_message_direction")
    private String lastMessageDirection;

    @Column(name = "last_message_at")
    private OffsetDateTime lastMessageAt;

    @Column(name = "source_channel")
    private String sourceChannel;

    @Column(name = "chat_id")
    private String chatId;

    @Column(name = "ai_enabled")
    private boolean aiEnabled = true;

    @Column(name = "stage_locked")
    private boolean stageLocked;

    @Column(name = "greeted_at")
    private OffsetDateTime greetedAt;

    @Column(name = "needs_human")
    private boolean needsHuman;

    @Column(name = "ai_answered_message_id")
    private long aiAnsweredMessageId;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected Lead() {}

    /** A lead created on first contact: stage NEW, led by the AI, cold until it talks. */
    public Lead(
            String phone,
            String name,
            long newStageId,
            String sourceChannel,
            String chatId,
            OffsetDateTime now) {
        this.phone = phone;
        this.name = name;
        this.stageId = newStageId;
        this.temperature = "COLD";
        this.score = 0;
        this.handledBy = HandledBy.AI;
        this.sourceChannel = sourceChannel;
        this.chatId = chatId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The client wrote: the last message is theirs and we now owe them an answer. */
    public void clientWrote(String preview, OffsetDateTime at, String pushName) {
        if (!"IN".equals(lastMessageDirection) || waitingForReplySince == null) {
            waitingForReplySince = at; // the oldest unanswered client message starts the timer
        }
        lastMessageText = preview;
        lastMessageDirection = "IN";
        lastMessageAt = at;
        noReply = false;
        if (name == null && pushName != null && !pushName.isBlank()) {
            name = pushName.strip();
        }
        updatedAt = at;
    }

    /** We wrote: the clock now runs on the client's side. */
    public void weWrote(String preview, OffsetDateTime at) {
        lastMessageText = preview;
        lastMessageDirection = "OUT";
        lastMessageAt = at;
        waitingForReplySince = at;
        updatedAt = at;
    }

    /** The AI applied a turn: new stage (null = unchanged), temperature and score. */
    public void aiUpdated(
            Long newStageId,
            String newTemperature,
            int newScore,
            String newName,
            String newCity,
            long answeredUpTo,
            OffsetDateTime at) {
        if (newStageId != null) {
            stageId = newStageId;
        }
        temperature = newTemperature;
        score = newScore;
        if (newName != null && !newName.isBlank()) {
            name = newName;
        }
        if (newCity != null && !newCity.isBlank()) {
            city = newCity;
        }
        aiAnsweredMessageId = Math.max(aiAnsweredMessageId, answeredUpTo);
        updatedAt = at;
    }

    /** The client did not answer any follow-up: flagged "did not answer" and cooled. */
    public void noAnswer(OffsetDateTime at) {
        noReply = true;
        temperature = "COLD";
        score = Math.min(score, 10);
        updatedAt = at;
    }

    /** A person takes the conversation: the AI stops, this user leads the lead. */
    public void takeOver(long userId, OffsetDateTime at) {
        handledBy = HandledBy.HUMAN;
        handlerId = userId;
        needsHuman = false;
        updatedAt = at;
    }

    /**
     * Back to the AI: it answers the next client message (nothing before it) and may move the lead
     * again.
     */
    public void returnToAi(long answeredUpTo, OffsetDateTime at) {
        handledBy = HandledBy.AI;
        handlerId = null;
        needsHuman = false;
        stageLocked = false;
        aiAnsweredMessageId = Math.max(aiAnsweredMessageId, answeredUpTo);
        updatedAt = at;
    }

    /** The first-contact chain was queued for this lead. */
    public void greeted(OffsetDateTime at) {
        greetedAt = at;
    }

    /** The AI asked for a person: it stops here until someone takes the lead or returns it. */
    public void handOffToHuman(OffsetDateTime at) {
        needsHuman = true;
        handledBy = HandledBy.HUMAN;
        handlerId = null;
        updatedAt = at;
    }

    /** A person moved the lead to another stage by hand; the AI will not move it any more. */
    public void movedByHand(long newStageId, OffsetDateTime at) {
        stageId = newStageId;
        stageLocked = true;
        updatedAt = at;
    }

    /** A person edited the lead's core data. */
    public void edited(String newName, String newCity, OffsetDateTime at) {
        name = newName;
        city = newCity;
        updatedAt = at;
    }

    /** A person assigned the lead to a manager (or removed the assignee). */
    public void assign(Long userId, OffsetDateTime at) {
        assigneeId = userId;
        updatedAt = at;
    }

    /** A person switched the AI manager off (or on again) for this lead. */
    public void aiSwitched(boolean enabled, OffsetDateTime at) {
        aiEnabled = enabled;
        updatedAt = at;
    }

    public boolean aiEnabled() {
        return aiEnabled;
    }

    public boolean stageLocked() {
        return stageLocked;
    }

    public OffsetDateTime greetedAt() {
        return greetedAt;
    }

    public boolean needsHuman() {
        return needsHuman;
    }

    public long aiAnsweredMessageId() {
        return aiAnsweredMessageId;
    }

    public Long id() {
        return id;
    }

    public String phone() {
        return phone;
    }

    public String name() {
        return name;
    }

    public String city() {
        return city;
    }

    public Long stageId() {
        return stageId;
    }

    public String temperature() {
        return temperature;
    }

    public int score() {
        return score;
    }

    /** Who leads it, as stored and as the API shows it: {@code AI} or {@code HUMAN}. */
    public String handledBy() {
        return handledBy.name();
    }

    /** True while the AI manager leads the conversation. */
    public boolean ledByAi() {
        return handledBy == HandledBy.AI;
    }

    /** True while a person leads the conversation (taken over or handed off). */
    public boolean ledByHuman() {
        return handledBy == HandledBy.HUMAN;
    }

    public Long handlerId() {
        return handlerId;
    }

    public Long assigneeId() {
        return assigneeId;
    }

    public boolean noReply() {
        return noReply;
    }

    public OffsetDateTime waitingForReplySince() {
        return waitingForReplySince;
    }

    public String lastMessageText() {
        return lastMessageText;
    }

    public String lastMessageDirection() {
        return lastMessageDirection;
    }

    public OffsetDateTime lastMessageAt() {
        return lastMessageAt;
    }

    public String sourceChannel() {
        return sourceChannel;
    }

    public String chatId() {
        return chatId;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
