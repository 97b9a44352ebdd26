package com.buildcrm.identity;

import java.util.UUID;

/**
 * Something that may end sessions or change what an open stream may see, sent to every instance: a
 * user changed (role, status, password), a session (refresh-token family) was revoked, a company
 * was suspended or resumed, a company's visibility setting changed, or a company's setup (AI
 * settings, industry pack, greeting chain, WhatsApp channel) changed, which only drops kept
 * answers.
 *
 * @param kind what changed
 * @param tenantId the company concerned (null for an operator or a session)
 * @param id the user or operator concerned, if any
 * @param session the revoked session, if any
 */
public record SessionChange(Kind kind, Long tenantId, Long id, UUID session) {

    /** What changed. */
    public enum Kind {
        USER,
        OPERATOR,
        SESSION,
        TENANT,
        SETTINGS,
        SETUP
    }

    public static SessionChange user(long tenantId, long userId) {
        return new SessionChange(Kind.USER, tenantId, userId, null);
    }

    public static SessionChange operator(long operatorId) {
        return new SessionChange(Kind.OPERATOR, null, operatorId, null);
    }

    public static SessionChange session(UUID family) {
        return new SessionChange(Kind.SESSION, null, null, family);
    }

    public static SessionChange tenant(long tenantId) {
        return new SessionChange(Kind.TENANT, tenantId, null, null);
    }

    public static SessionChange settings(long tenantId) {
        return new SessionChange(Kind.SETTINGS, tenantId, null, null);
    }

    public static SessionChange setup(long tenantId) {
        return new SessionChange(Kind.SETUP, tenantId, null, null);
    }

    /** The NOTIFY payload: {@code KIND:tenant:id:session} (empty parts for null). */
    public String toPayload() {
        return kind
                + ":"
                + (tenantId == null ? "" : tenantId)
                + ":"
                + (id == null ? "" : id)
                + ":"
                + (session == null ? "" : session);
    }

    public static SessionChange fromPayload(String payload) {
        String[] parts = payload.split(":", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a session change: " + payload);
        }
        return new SessionChange(
                Kind.valueOf(parts[0]),
                parts[1].isEmpty() ? null : Long.valueOf(parts[1]),
                parts[2].isEmpty() ? null : Long.valueOf(parts[2]),
                parts[3].isEmpty() ? null : UUID.fromString(parts[3]));
    }
}
