package com.buildcrm.identity;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the web apps keep their refresh token: an {@code HttpOnly; Secure; SameSite=Strict} cookie
 * scoped to {@code /api/auth}, one per app (the console's operator and the CRM's user may be signed
 * in side by side in one browser), so no script ever holds the 30-day token.
 *
 * <p>A browser sends cookies with any request to their path, so using the cookie needs the {@value
 * #HEADER} header ({@code crm} or {@code admin}): a cross-site form cannot set a header, and a
 * cross-origin script would need a CORS preflight the server never grants. The header also says
 * which app's cookie is meant. Without it the auth endpoints behave exactly as before (the refresh
 * token travels in the JSON body, no cookie is set).
 */
public enum SessionCookie {
    /** The CRM is a PWA reopened from the home screen: its cookie lives as long as the token. */
    CRM("buildcrm_crm_refresh", true),
    /** Operators hold every tenant's keys: their cookie ends with the browser session. */
    ADMIN("buildcrm_admin_refresh", false);

    /** The request header that asks for the cookie mode and proves a same-origin caller. */
    public static final String HEADER = "X-BuildCRM-Session";

    /** The path both cookies are sent to: refresh and logout, never the rest of the API. */
    public static final String PATH = "/api/auth";

    private final String cookieName;
    private final boolean persistent;

    SessionCookie(String cookieName, boolean persistent) {
        this.cookieName = cookieName;
        this.persistent = persistent;
    }

    public String cookieName() {
        return cookieName;
    }

    /** The app named by the header's value, or empty when the header is absent or unknown. */
    public static Optional<SessionCookie> fromHeader(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "crm" -> Optional.of(CRM);
            case "admin" -> Optional.of(ADMIN);
            default -> Optional.empty();
        };
    }

    /** The refresh token this cookie carries in the request, if any. */
    public Optional<String> read(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(cookieName);
        if (cookie == null || cookie.getValue() == null || cookie.getValue().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(cookie.getValue().strip());
    }

    /**
     * A {@code Set-Cookie} value that stores {@code refreshToken}: for {@code ttl} (the CRM), or
     * until the browser closes (the console). {@code crossOrigin}: the request came from a web app
     * on an allowed other origin ({@code BUILDCRM_CORS_ORIGINS}), which may be another site — the
     * cookie is then {@code SameSite=None; Partitioned} (kept per top-level site, CHIPS) so the
     * browser sends it back from there; the {@value #HEADER} header and the CORS allow-list stay
     * the CSRF guard (ADR 029).
     */
    public String set(String refreshToken, Duration ttl, boolean crossOrigin) {
        return cookieName
                + "="
                + refreshToken
                + "; Path="
                + PATH
                + (persistent ? "; Max-Age=" + ttl.toSeconds() : "")
                + attributes(crossOrigin);
    }

    /** A {@code Set-Cookie} value that deletes the cookie (set the same way). */
    public String clear(boolean crossOrigin) {
        return cookieName
                + "=; Path="
                + PATH
                + "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT"
                + attributes(crossOrigin);
    }

    private static String attributes(boolean crossOrigin) {
        return crossOrigin
                ? "; HttpOnly; Secure; SameSite=None; Partitioned"
                : "; HttpOnly; Secure; SameSite=Strict";
    }
}
