package com.buildcrm.media;

import com.buildcrm.secret.MasterKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring links to tenant media. ChatFlow sends media by downloading a public URL
 * (chatflow-api.md §1), so the URL itself is the credential: {@code
 * /media/{tenantId}/{mediaId}?exp=<epoch seconds>&sig=<base64url HMAC-SHA256>}, where the MAC
 * covers tenant, media and expiry. The key is derived from the master key under its own label, so
 * every instance agrees on it and it is never the key that encrypts secrets. The caller prepends
 * the public base URL ({@code BUILDCRM_PUBLIC_URL}).
 *
 * <p>Thread-safe.
 */
public final class SignedUrls {

    /** The path every signed URL starts with. */
    public static final String PATH_PREFIX = "/media/";

    private static final String LABEL = "buildcrm/media-url/v1";
    private static final Pattern EPOCH = Pattern.compile("[1-9][0-9]{0,17}");

    private final SecretKeySpec key;
    private final Clock clock;

    public SignedUrls(MasterKey masterKey, Clock clock) {
        this.key = new SecretKeySpec(masterKey.derive(LABEL), "HmacSHA256");
        this.clock = clock;
    }

    /**
     * The path and query of a URL valid until {@code expiresAt} (whole seconds, rounded down).
     *
     * @throws IllegalArgumentException if an id is not a safe id or the time is not after 1970
     */
    public String sign(String tenantId, String mediaId, Instant expiresAt) {
        requireSafe(tenantId, "tenant id");
        requireSafe(mediaId, "media id");
        long epoch = expiresAt.getEpochSecond();
        if (epoch <= 0) {
            throw new IllegalArgumentException("expiry must be after 1970");
        }
        String exp = Long.toString(epoch);
        return PATH_PREFIX
                + tenantId
                + "/"
                + mediaId
                + "?exp="
                + exp
                + "&sig="
                + signature(tenantId, mediaId, exp);
    }

    /** {@link #sign} for a URL valid for {@code ttl} from now (by the injected clock). */
    public String sign(String tenantId, String mediaId, Duration ttl) {
        return sign(tenantId, mediaId, clock.instant().plus(ttl));
    }

    /**
     * True only if {@code sig} is this server's signature of exactly these tenant, media and {@code
     * exp} (the raw query value) and {@code now} is before the expiry. Malformed input of any kind
     * is false, never an exception. The comparison is constant-time.
     */
    public boolean verify(String tenantId, String mediaId, String exp, String sig, Instant now) {
        if (!MediaStore.isSafeId(tenantId)
                || !MediaStore.isSafeId(mediaId)
                || exp == null
                || sig == null
                || !EPOCH.matcher(exp).matches()) {
            return false;
        }
        byte[] expected = signature(tenantId, mediaId, exp).getBytes(StandardCharsets.US_ASCII);
        boolean authentic =
                MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII));
        return authentic && now.getEpochSecond() < Long.parseLong(exp);
    }

    /** {@link #verify(String, String, String, String, Instant)} at the injected clock's now. */
    public boolean verify(String tenantId, String mediaId, String exp, String sig) {
        return verify(tenantId, mediaId, exp, sig, clock.instant());
    }

    private String signature(String tenantId, String mediaId, String exp) {
        // ids are [A-Za-z0-9_-] and exp is digits, so '\n' separates them unambiguously
        String message = "media\n" + tenantId + "\n" + mediaId + "\n" + exp;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] tag = mac.doFinal(message.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static void requireSafe(String id, String what) {
        if (!MediaStore.isSafeId(id)) {
            throw new IllegalArgumentException("invalid " + what);
        }
    }
}
