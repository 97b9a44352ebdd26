package com.buildcrm.channel;

/** Media that {@link WhatsAppGateway#sendMedia} can send; voice notes have their own method. */
public enum MediaKind {
    IMAGE,
    VIDEO,
    DOCUMENT
}
