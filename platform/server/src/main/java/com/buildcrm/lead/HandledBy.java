package com.buildcrm.lead;

/**
 * Who leads the conversation with a lead now (DESIGN §6): the AI manager or a person. Stored in
 * {@code leads.handled_by} and returned by the API as the constant's name.
 */
public enum HandledBy {
    /** The AI manager answers the client. */
    AI,
    /** A user of the CRM took the lead over (or the AI handed it off); the AI stays silent. */
    HUMAN
}
