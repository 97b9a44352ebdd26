package com.buildcrm.notify;

/** A moment in a lead's life that rules (tasks, assignment, push) react to. */
public enum Milestone {
    /** A new lead was created by a client's first message. */
    CREATED,
    /** The AI moved the lead to the CALL_REQUESTED stage. */
    CALL_REQUESTED,
    /**
     * The client named (or changed) the time to call ({@code preferred_call_time}) while the lead
     * is in CALL_REQUESTED: an open call task takes the new time.
     */
    CALL_TIME_GIVEN,
    /** The AI handed the conversation to a person (needs_human). */
    HANDED_OFF,
    /** A person took the conversation over ({@code userId} is the taker). */
    TAKEN_OVER,
    /** The AI rated the lead HOT (it was not before). */
    BECAME_HOT,
    /** The client wrote to a lead a person leads (the client now waits for that person). */
    CLIENT_WROTE_TO_HUMAN
}
