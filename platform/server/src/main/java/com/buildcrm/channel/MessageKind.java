package com.buildcrm.channel;

/** What an inbound message carries, whatever the provider called it. */
public enum MessageKind {
    TEXT,
    IMAGE,
    VIDEO,
    /** An audio file sent as a file (music, a forwarded recording). */
    AUDIO,
    /** A push-to-talk voice note recorded in the chat. */
    VOICE,
    DOCUMENT,
    LOCATION,
    /**
     * A type we do not understand yet: stored raw and shown as "unsupported message", never
     * dropped.
     */
    UNSUPPORTED
}
