package com.buildcrm.plugin.api;

/** The kinds of step a first-contact chain is made of (brief §6.1). */
public enum GreetingKind {
    /** A text message. */
    TEXT,
    /** One or more images, each with an optional caption. */
    ALBUM,
    /** A link with a short explanation. */
    LINK,
    /** A prepared voice note. */
    VOICE
}
