package com.buildcrm.push;

import com.buildcrm.tenancy.TenantData;
import com.buildcrm.web.ApiProblem;
import com.buildcrm.web.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** The current user's subscriptions and push choices. */
@ApplicationScoped
public class PushSubscriptions {

    @Inject TenantData data;
    @Inject PushSettings settings;

    public void subscribe(PushRequests.SubscribeRequest r, String userAgent) {
        List<FieldError> errors = new ArrayList<>();
        String endpoint = r.endpoint.strip();
        String endpointProblem = endpointProblem(endpoint, settings.allowHttpLocalhost());
        if (endpointProblem != null) {
            errors.add(new FieldError("endpoint", endpointProblem));
        }
        if (!P256.isUncompressedPoint(decode(r.keys.p256dh))) {
            errors.add(
                    new FieldError(
                            "keys.p256dh",
                            "base64url of the 65-byte uncompressed P-256 public key"));
        }
        byte[] auth = decode(r.keys.auth);
        if (auth == null || auth.length != 16) {
            errors.add(new FieldError("keys.auth", "base64url of the 16-byte auth secret"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("The push subscription is not valid", errors);
        }
        long userId = data.currentUserId();
        String agent =
                userAgent == null
                        ? null
                        : userAgent.substring(0, Math.min(300, userAgent.length()));
        data.tx(
                em ->
                        em.createNativeQuery(
                                        "INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, user_agent)"
                                                + " VALUES (?1, ?2, ?3, ?4, ?5)"
                                                + " ON CONFLICT (endpoint) DO UPDATE SET user_id = EXCLUDED.user_id,"
                                                + " p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth,"
                                                + " user_agent = EXCLUDED.user_agent, created_at = now(), failures = 0")
                                .setParameter(1, userId)
                                .setParameter(2, endpoint)
                                .setParameter(3, r.keys.p256dh.strip().replace("=", ""))
                                .setParameter(4, r.keys.auth.strip().replace("=", ""))
                                .setParameter(5, agent)
                                .executeUpdate());
    }

    public void unsubscribe(String endpoint) {
        long userId = data.currentUserId();
        data.tx(
                em ->
                        em.createNativeQuery(
                                        "DELETE FROM push_subscriptions WHERE endpoint = ?1 AND user_id = ?2")
                                .setParameter(1, endpoint.strip())
                                .setParameter(2, userId)
                                .executeUpdate());
    }

    public PushResource.PreferencesResponse preferences() {
        long userId = data.currentUserId();
        return data.tx(em -> read(em, userId));
    }

    public PushResource.PreferencesResponse savePreferences(PushRequests.PreferencesRequest r) {
        long userId = data.currentUserId();
        return data.tx(
                em -> {
                    em.createNativeQuery(
                                    "INSERT INTO push_preferences (user_id, assigned, client_waiting, call_soon, hot_lead)"
                                            + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (user_id) DO UPDATE SET"
                                            + " assigned = EXCLUDED.assigned, client_waiting = EXCLUDED.client_waiting,"
                                            + " call_soon = EXCLUDED.call_soon, hot_lead = EXCLUDED.hot_lead, updated_at = now()")
                            .setParameter(1, userId)
                            .setParameter(2, r.assigned)
                            .setParameter(3, r.clientWaiting)
                            .setParameter(4, r.callSoon)
                            .setParameter(5, r.hotLead)
                            .executeUpdate();
                    return read(em, userId);
                });
    }

    private static PushResource.PreferencesResponse read(EntityManager em, long userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT assigned, client_waiting, call_soon, hot_lead FROM push_preferences"
                                        + " WHERE user_id = ?1")
                        .setParameter(1, userId)
                        .getResultList();
        if (rows.isEmpty()) {
            return new PushResource.PreferencesResponse(true, true, true, true);
        }
        Object[] r = rows.get(0);
        return new PushResource.PreferencesResponse(
                (Boolean) r[0], (Boolean) r[1], (Boolean) r[2], (Boolean) r[3]);
    }

    /**
     * Why a push endpoint is not acceptable, or null. Push services are public https servers: plain
     * http, a URL with user info, and addresses of this machine or a private network are refused
     * (the server would otherwise POST to internal services on a user's word). {@code
     * allowLocalhost} (tests, a developer's fake service) admits http and https to 127.0.0.1 /
     * localhost only.
     */
    static String endpointProblem(String endpoint, boolean allowLocalhost) {
        try {
            return checkEndpoint(endpoint, allowLocalhost);
        } catch (RuntimeException e) {
            // IDN conversion and address parsing refuse odd hosts: an odd host is not an endpoint
            return "an https URL";
        }
    }

    private static String checkEndpoint(String endpoint, boolean allowLocalhost) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (Exception e) {
            return "an https URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return "an https URL";
        }
        host = IDN.toASCII(host).toLowerCase(Locale.ROOT);
        boolean local =
                host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        if (allowLocalhost && local && (scheme.equals("http") || scheme.equals("https"))) {
            return null;
        }
        if (!scheme.equals("https")) {
            return "an https URL";
        }
        if (local || isPrivateLiteral(host)) {
            return "a public push service, not this machine or a private address";
        }
        return null;
    }

    private static boolean isPrivateLiteral(String host) {
        boolean literal = host.startsWith("[") || host.matches("[0-9.]+");
        if (!literal) {
            return host.endsWith(".localhost") || host.endsWith(".local");
        }
        try {
            InetAddress a = InetAddress.getByName(host.replace("[", "").replace("]", ""));
            return a.isLoopbackAddress()
                    || a.isSiteLocalAddress()
                    || a.isLinkLocalAddress()
                    || a.isAnyLocalAddress()
                    || a.isMulticastAddress()
                    || host.startsWith("[fc")
                    || host.startsWith("[fd");
        } catch (UnknownHostException e) {
            return true;
        }
    }

    static byte[] decode(String base64Url) {
        if (base64Url == null) {
            return null;
        }
        try {
            return Base64.getUrlDecoder().decode(base64Url.strip().replace("=", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
