package com.buildcrm.nextaction;

/** What the next action is about; the planner's rules, one each. */
public enum NextActionKind {
    /**
     * The client waits for a person's reply (needsHuman, or human-led and the client wrote last).
     */
    CLIENT_WAITING,
    /** The client asked for a call and its time is near or past. */
    CALL_DUE,
    /** A task on the lead is due or overdue. */
    TASK_DUE,
    /** A hot lead nobody is assigned to. */
    HOT_UNASSIGNED,
    /**
     * The follow-ups are exhausted (the client did not answer) and nobody decided anything since.
     */
    NO_ANSWER,
    /** No activity for the tenant's N days in a non-final stage. */
    STALE
}
