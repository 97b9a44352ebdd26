package com.buildcrm.message;

/** Who wrote a message; stored and returned by the API as the constant's name. */
public enum MessageAuthor {
    /** The lead, over WhatsApp. */
    CLIENT,
    /** The AI manager: its replies, greetings and follow-ups. */
    AI,
    /** A user of the CRM, named by the message's {@code authorId}. */
    HUMAN
}
