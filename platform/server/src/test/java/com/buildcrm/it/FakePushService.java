package com.buildcrm.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A push service on 127.0.0.1 speaking the real wire format (RFC 8030): each subscription it hands
 * out has its own path and a browser-like key pair and auth secret generated here. For every push
 * it checks the VAPID {@code Authorization: vapid t=<JWT>, k=<key>} header (ES256 signature with
 * the given public key, {@code aud} = this service's origin, {@code exp} in the future, at most 24
 * h away) and decrypts the {@code aes128gcm} body (RFC 8291 / RFC 8188) with JDK crypto only — the
 * independent check of the server's library. Each path answers 201 unless told otherwise ({@link
 * #answer}: a status, or {@link #HANG} to keep the request open longer than any sane timeout).
 */
public final class FakePushService implements AutoCloseable {

    /** An "answer" that never answers: the request is held for {@link #HANG_FOR}, then dropped. */
    public static final int HANG = -1;

    static final Duration HANG_FOR = Duration.ofSeconds(20);

    private static final Base64.Decoder B64 = Base64.getUrlDecoder();
    private static final Base64.Encoder B64E = Base64.getUrlEncoder().withoutPadding();

    /** A subscription as the browser's {@code PushSubscription.toJSON()} shows it, plus secrets. */
    public record Subscription(
            String endpoint, String p256dh, String auth, ECPrivateKey privateKey, String path) {

        /** The body of {@code POST /api/crm/push/subscriptions}. */
        public JsonObject toJson() {
            return Json.createObjectBuilder()
                    .add("endpoint", endpoint)
                    .addNull("expirationTime")
                    .add("keys", Json.createObjectBuilder().add("p256dh", p256dh).add("auth", auth))
                    .build();
        }
    }

    /**
     * One request received: its path, status answered, headers, and what the checks found.
     *
     * @param payload the decrypted body (null when it could not be decrypted)
     * @param problem why the request is not a valid push (null when it is)
     */
    public record Push(
            String path,
            int answered,
            Map<String, String> headers,
            String payload,
            String problem,
            Instant at) {

        public JsonObject json() {
            try (var r = Json.createReader(new StringReader(payload))) {
                return r.readObject();
            }
        }
    }

    private final HttpServer server;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> scripts = new HashMap<>();
    private final List<Push> received = new CopyOnWriteArrayList<>();
    private volatile String vapidPublicKey;
    private int next;

    public FakePushService() {
        try {
            server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The origin the VAPID token's {@code aud} must name. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The server's VAPID public key (from {@code GET /api/crm/push/key}) to verify tokens with. */
    public void expectVapidKey(String publicKey) {
        this.vapidPublicKey = publicKey;
    }

    /** A new browser-like subscription on its own path. */
    public synchronized Subscription subscribe() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = g.generateKeyPair();
            byte[] auth = new byte[16];
            new SecureRandom().nextBytes(auth);
            String path = "/push/" + (++next) + "-" + B64E.encodeToString(auth).substring(0, 6);
            Subscription s =
                    new Subscription(
                            origin() + path,
                            B64E.encodeToString(uncompressed((ECPublicKey) pair.getPublic())),
                            B64E.encodeToString(auth),
                            (ECPrivateKey) pair.getPrivate(),
                            path);
            subscriptions.put(path, s);
            return s;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next requests to {@code s} get these answers in order (then 201 again). */
    public synchronized void answer(Subscription s, int... statuses) {
        Deque<Integer> q = scripts.computeIfAbsent(s.path(), k -> new ArrayDeque<>());
        for (int status : statuses) {
            q.add(status);
        }
    }

    /** Every request to {@code s}, oldest first. */
    public List<Push> received(Subscription s) {
        List<Push> out = new ArrayList<>();
        for (Push p : received) {
            if (p.path().equals(s.path())) {
                out.add(p);
            }
        }
        return out;
    }

    /** The requests to {@code s} answered 201 (delivered), oldest first. */
    public List<Push> delivered(Subscription s) {
        return received(s).stream().filter(p -> p.answered() == 201).toList();
    }

    public List<Push> all() {
        return List.copyOf(received);
    }

    private synchronized int nextAnswer(String path) {
        Deque<Integer> q = scripts.get(path);
        Integer status = q == null ? null : q.poll();
        return status == null ? 201 : status;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders()
                    .forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            Subscription s = subscriptions.get(path);
            int status = s == null ? 404 : nextAnswer(path);
            String payload = null;
            String problem = null;
            if (s != null) {
                try {
                    problem = checkHeaders(exchange.getRequestMethod(), headers);
                    payload =
                            new String(
                                    decrypt(
                                            body,
                                            s.privateKey(),
                                            B64.decode(s.p256dh()),
                                            B64.decode(s.auth())),
                                    StandardCharsets.UTF_8);
                } catch (GeneralSecurityException | RuntimeException e) {
                    problem = (problem == null ? "" : problem + "; ") + "cannot decrypt: " + e;
                }
            }
            if (problem != null && status == 201) {
                status = 400;
            }
            received.add(new Push(path, status, headers, payload, problem, Instant.now()));
            if (status == HANG) {
                try {
                    Thread.sleep(HANG_FOR.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (status == 201) {
                exchange.getResponseHeaders()
                        .add("Location", origin() + "/message/" + received.size());
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /** Why the request's method and headers are not those of a valid push, or null. */
    private String checkHeaders(String method, Map<String, String> headers) {
        if (!"POST".equals(method)) {
            return "method " + method;
        }
        if (!"aes128gcm".equals(headers.get("content-encoding"))) {
            return "Content-Encoding " + headers.get("content-encoding");
        }
        if (headers.get("ttl") == null || !headers.get("ttl").matches("\\d+")) {
            return "no TTL";
        }
        String auth = headers.get("authorization");
        Matcher m =
                Pattern.compile("vapid t=([A-Za-z0-9_.-]+), ?k=([A-Za-z0-9_-]+)")
                        .matcher(auth == null ? "" : auth);
        if (!m.matches()) {
            return "Authorization " + auth;
        }
        String key = m.group(2);
        if (vapidPublicKey != null && !vapidPublicKey.equals(key)) {
            return "VAPID key " + key + " is not the server's " + vapidPublicKey;
        }
        return verifyJwt(m.group(1), key, origin(), Instant.now());
    }

    /** Why a VAPID JWT is not valid for {@code audience} now, or null (RFC 8292 §2). */
    static String verifyJwt(String jwt, String publicKey, String audience, Instant now) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return "JWT has " + parts.length + " parts";
        }
        try {
            JsonObject header = json(B64.decode(parts[0]));
            if (!"ES256".equals(header.getString("alg", null))) {
                return "JWT alg " + header;
            }
            Signature v = Signature.getInstance("SHA256withECDSAinP1363Format");
            v.initVerify(publicKey(B64.decode(publicKey)));
            v.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!v.verify(B64.decode(parts[2]))) {
                return "JWT signature does not verify";
            }
            JsonObject claims = json(B64.decode(parts[1]));
            if (!audience.equals(claims.getString("aud", null))) {
                return "JWT aud " + claims.get("aud") + " is not " + audience;
            }
            long exp = claims.getJsonNumber("exp").longValue();
            if (exp <= now.getEpochSecond()
                    || exp > now.plus(Duration.ofHours(24)).getEpochSecond()) {
                return "JWT exp " + exp + " is not within the next 24 h";
            }
            String sub = claims.getString("sub", "");
            if (!sub.startsWith("mailto:") && !sub.startsWith("https:")) {
                return "JWT sub " + sub;
            }
            return null;
        } catch (GeneralSecurityException | RuntimeException e) {
            return "JWT unreadable: " + e;
        }
    }

    /**
     * Decrypts an {@code aes128gcm} push body (RFC 8188 header: salt(16) | rs(4) | idlen(1) | keyid
     * = the sender's public key) as the user agent does (RFC 8291 §3.4), one record.
     */
    static byte[] decrypt(byte[] body, ECPrivateKey uaPrivate, byte[] uaPublic, byte[] authSecret)
            throws GeneralSecurityException {
        ByteBuffer b = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        b.get(salt);
        int rs = b.getInt();
        int idlen = b.get() & 0xff;
        if (idlen != 65) {
            throw new GeneralSecurityException("keyid is " + idlen + " bytes, not a P-256 point");
        }
        byte[] asPublic = new byte[idlen];
        b.get(asPublic);
        byte[] ciphertext = new byte[b.remaining()];
        b.get(ciphertext);
        if (ciphertext.length > rs) {
            throw new GeneralSecurityException("more than one record");
        }
        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(uaPrivate);
        ka.doPhase(publicKey(asPublic), true);
        byte[] ecdhSecret = ka.generateSecret();
        // RFC 8291 §3.3: IKM = HKDF(auth_secret, ecdh_secret, "WebPush: info" || 0 || ua || as, 32)
        byte[] keyInfo =
                concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic);
        byte[] ikm = hkdf(authSecret, ecdhSecret, keyInfo, 32);
        // RFC 8188 §2.2 / §2.3
        byte[] cek =
                hkdf(
                        salt,
                        ikm,
                        "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII),
                        16);
        byte[] nonce =
                hkdf(
                        salt,
                        ikm,
                        "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII),
                        12);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(
                Cipher.DECRYPT_MODE,
                new SecretKeySpec(cek, "AES"),
                new GCMParameterSpec(128, nonce));
        byte[] padded = c.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new GeneralSecurityException("no last-record delimiter (0x02)");
        }
        return Arrays.copyOf(padded, end);
    }

    /** HKDF-SHA256 (RFC 5869) for outputs of at most 32 bytes: one expand block. */
    static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length)
            throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        return Arrays.copyOf(mac.doFinal(), length);
    }

    static ECPublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
        if (uncompressed.length != 65 || uncompressed[0] != 4) {
            throw new GeneralSecurityException("not an uncompressed P-256 point");
        }
        ECPoint w =
                new ECPoint(
                        new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
                        new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
        return (ECPublicKey)
                KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, p256()));
    }

    static ECPrivateKey privateKey(byte[] scalar) throws GeneralSecurityException {
        return (ECPrivateKey)
                KeyFactory.getInstance("EC")
                        .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), p256()));
    }

    static byte[] uncompressed(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        copy32(key.getW().getAffineX(), out, 1);
        copy32(key.getW().getAffineY(), out, 33);
        return out;
    }

    private static void copy32(BigInteger v, byte[] out, int at) {
        byte[] b = v.toByteArray();
        int n = Math.min(32, b.length);
        System.arraycopy(b, b.length - n, out, at + 32 - n, n);
    }

    private static ECParameterSpec p256() throws GeneralSecurityException {
        AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
        p.init(new ECGenParameterSpec("secp256r1"));
        return p.getParameterSpec(ECParameterSpec.class);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static JsonObject json(byte[] bytes) {
        try (var r =
                Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            return r.readObject();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
