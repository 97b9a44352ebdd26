package com.buildcrm.lead;

/**
 * Who acted when a lead's history records an event or its follow-ups are cancelled. Stored in
 * {@code lead_events.actor} and returned by the API as the constant's name.
 */
public enum ActorKind {
    /** The AI manager (a turn, a greeting, a hand-off it decided). */
    AI,
    /** A user of the CRM, named by the event's {@code actorId}. */
    HUMAN,
    /** The server itself: follow-up scheduling, a client's reply cancelling reminders. */
    SYSTEM
}
