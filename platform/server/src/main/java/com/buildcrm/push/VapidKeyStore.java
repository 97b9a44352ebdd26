package com.buildcrm.push;

import com.buildcrm.config.ServerSettings;
import com.buildcrm.launcher.Launcher;
import com.buildcrm.secret.PrivateFiles;
import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The server's VAPID key pair (RFC 8292): given by the environment ({@code
 * BUILDCRM_VAPID_PUBLIC_KEY} and {@code BUILDCRM_VAPID_PRIVATE_KEY}, base64url, the format of
 * {@code web-push generate-vapid-keys}) so several instances share one, or else generated once into
 * {@code <data dir>/keys/vapid.properties} (0600). Browsers subscribe with the public key: changing
 * it silently orphans every subscription, so it is kept, never rotated by a restart. A half-set
 * environment, or keys that are not a P-256 pair, stop the start with one clear line.
 */
@ApplicationScoped
public class VapidKeyStore {

    private static final Logger LOG = Logger.getLogger(VapidKeyStore.class.getName());

    static final String PUBLIC_VARIABLE = "BUILDCRM_VAPID_PUBLIC_KEY";
    static final String PRIVATE_VARIABLE = "BUILDCRM_VAPID_PRIVATE_KEY";
    static final String FILE_NAME = "vapid.properties";
    static final String DEFAULT_SUBJECT = "mailto:push@buildcrm.invalid";

    @Inject ServerSettings settings;
    @Inject Config config;

    private volatile WebPush webPush;

    /**
     * Loads (or creates) the keys before the platform starts, failing the start if they are bad.
     */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Startup event) {
        try {
            webPush();
        } catch (RuntimeException e) {
            System.setProperty(Launcher.FAILURE_PROPERTY, e.getMessage());
            throw e;
        }
    }

    /** The request builder signing with the server's keys. */
    public WebPush webPush() {
        WebPush current = webPush;
        if (current == null) {
            synchronized (this) {
                current = webPush;
                if (current == null) {
                    current = new WebPush(subject(), load());
                    webPush = current;
                }
            }
        }
        return current;
    }

    /** The public key as {@code PushManager.subscribe({applicationServerKey})} takes it. */
    public String publicKey() {
        return base64Url(webPush().getVapidKeys().getApplicationServerKey());
    }

    private String subject() {
        String subject = setting("buildcrm.vapid.subject").orElse(DEFAULT_SUBJECT);
        if (!subject.startsWith("mailto:") && !subject.startsWith("https://")) {
            throw new IllegalStateException(
                    "BUILDCRM_VAPID_SUBJECT must start with mailto: or https://, was " + subject);
        }
        return subject;
    }

    private VapidKeys load() {
        Optional<String> pub = setting("buildcrm.vapid.public.key");
        Optional<String> priv = setting("buildcrm.vapid.private.key");
        if (pub.isPresent() != priv.isPresent()) {
            throw new IllegalStateException(
                    "Set both "
                            + PUBLIC_VARIABLE
                            + " and "
                            + PRIVATE_VARIABLE
                            + " (base64url VAPID keys) or neither; only "
                            + (pub.isPresent() ? PUBLIC_VARIABLE : PRIVATE_VARIABLE)
                            + " is set");
        }
        if (pub.isPresent()) {
            return parse(pub.get(), priv.get(), "the environment");
        }
        Path file = settings.dataDir().resolve("keys").resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                VapidKeys fresh = VapidKeys.generate();
                String content =
                        "publicKey="
                                + base64Url(fresh.getApplicationServerKey())
                                + "\nprivateKey="
                                + base64Url(scalar(fresh))
                                + "\n";
                if (PrivateFiles.createOnce(file, content)) {
                    LOG.info(() -> "Generated the Web Push (VAPID) keys in " + file);
                }
            }
            Properties p = new Properties();
            p.load(Files.newBufferedReader(file, StandardCharsets.US_ASCII));
            return parse(p.getProperty("publicKey"), p.getProperty("privateKey"), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the VAPID keys " + file, e);
        }
    }

    private static VapidKeys parse(String pub, String priv, String where) {
        try {
            byte[] point = Base64.getUrlDecoder().decode(strip(pub));
            byte[] secret = Base64.getUrlDecoder().decode(strip(priv));
            if (point.length != 65 || point[0] != 4 || secret.length != 32) {
                throw new IllegalArgumentException("wrong lengths");
            }
            VapidKeys keys = VapidKeys.fromUncompressedBytes(strip(pub), strip(priv));
            if (!Arrays.equals(keys.getApplicationServerKey(), point)) {
                throw new IllegalArgumentException("not a pair");
            }
            return keys;
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "The VAPID keys in "
                            + where
                            + " are not a base64url P-256 key pair (public: the 65-byte point,"
                            + " private: the 32-byte scalar)");
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip().replace("=", "");
    }

    private static byte[] scalar(VapidKeys keys) {
        byte[] s = keys.getPrivateKey().getS().toByteArray();
        byte[] out = new byte[32];
        // BigInteger may add a sign byte or be shorter than 32 bytes
        int n = Math.min(32, s.length);
        System.arraycopy(s, s.length - n, out, 32 - n, n);
        return out;
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Optional<String> setting(String key) {
        return config.getOptionalValue(key, String.class)
                .map(String::strip)
                .filter(s -> !s.isEmpty());
    }
}
