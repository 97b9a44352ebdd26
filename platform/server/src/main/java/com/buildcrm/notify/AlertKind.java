package com.buildcrm.notify;

/** What a lead alert is about; each is a per-user push choice. */
public enum AlertKind {
    ASSIGNED,
    CLIENT_WAITING,
    CALL_SOON,
    HOT_LEAD
}
