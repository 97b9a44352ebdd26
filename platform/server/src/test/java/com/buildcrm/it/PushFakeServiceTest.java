package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Proves the fake push service's checker itself: its decryption against RFC 8291's published
 * example (Appendix A) and its VAPID token check against tokens signed here with JDK crypto.
 */
class PushFakeServiceTest {

    private static final Base64.Decoder B64 = Base64.getUrlDecoder();
    private static final Base64.Encoder B64E = Base64.getUrlEncoder().withoutPadding();

    // RFC 8291, Appendix A (also §5)
    static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    static final String UA_PUBLIC =
            "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    static final String BODY =
            "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27ml"
                    + "mlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPT"
                    + "pK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    @Test
    void decryptsTheRfc8291Example() throws Exception {
        byte[] plain =
                FakePushService.decrypt(
                        B64.decode(BODY),
                        FakePushService.privateKey(B64.decode(UA_PRIVATE)),
                        B64.decode(UA_PUBLIC),
                        B64.decode(AUTH));
        assertThat(new String(plain, StandardCharsets.UTF_8))
                .isEqualTo("When I grow up, I want to be a watermelon");
    }

    @Test
    void refusesATamperedBodyOrAWrongSecret() throws Exception {
        byte[] body = B64.decode(BODY);
        body[body.length - 1] ^= 1;
        assertThatThrownBy(
                        () ->
                                FakePushService.decrypt(
                                        body,
                                        FakePushService.privateKey(B64.decode(UA_PRIVATE)),
                                        B64.decode(UA_PUBLIC),
                                        B64.decode(AUTH)))
                .isInstanceOf(GeneralSecurityException.class);
        byte[] wrongAuth = B64.decode(AUTH);
        wrongAuth[0] ^= 1;
        assertThatThrownBy(
                        () ->
                                FakePushService.decrypt(
                                        B64.decode(BODY),
                                        FakePushService.privateKey(B64.decode(UA_PRIVATE)),
                                        B64.decode(UA_PUBLIC),
                                        wrongAuth))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void checksTheVapidTokenSignatureAudienceAndExpiry() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        String key =
                B64E.encodeToString(FakePushService.uncompressed((ECPublicKey) pair.getPublic()));
        Instant now = Instant.parse("2026-12-03T12:00:00Z");
        String aud = "http://127.0.0.1:4000";
        String good = jwt(pair, aud, now.plusSeconds(3600).getEpochSecond());
        assertThat(FakePushService.verifyJwt(good, key, aud, now)).isNull();
        assertThat(FakePushService.verifyJwt(good, key, "http://127.0.0.1:4001", now))
                .contains("aud");
        assertThat(
                        FakePushService.verifyJwt(
                                jwt(pair, aud, now.getEpochSecond() - 1), key, aud, now))
                .contains("exp");
        KeyPair other = g.generateKeyPair();
        String otherKey =
                B64E.encodeToString(FakePushService.uncompressed((ECPublicKey) other.getPublic()));
        assertThat(FakePushService.verifyJwt(good, otherKey, aud, now)).contains("signature");
    }

    @Test
    void decryptsAndVerifiesWhatTheServersLibraryProduces() throws Exception {
        com.interaso.webpush.VapidKeys keys = com.interaso.webpush.VapidKeys.generate();
        com.interaso.webpush.WebPush push =
                new com.interaso.webpush.WebPush("mailto:push@buildcrm.invalid", keys);
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair browser = g.generateKeyPair();
        byte[] ua = FakePushService.uncompressed((ECPublicKey) browser.getPublic());
        byte[] auth = new byte[16];
        new java.security.SecureRandom().nextBytes(auth);
        byte[] body =
                push.getBody("{\"title\":\"Тест\"}".getBytes(StandardCharsets.UTF_8), ua, auth);
        byte[] plain =
                FakePushService.decrypt(
                        body,
                        (java.security.interfaces.ECPrivateKey) browser.getPrivate(),
                        ua,
                        auth);
        assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo("{\"title\":\"Тест\"}");
        String authorization =
                push.getHeaders("http://127.0.0.1:4000/push/1", 60, null, null)
                        .get("Authorization");
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("vapid t=(.+), k=(.+)").matcher(authorization);
        assertThat(m.matches()).as(authorization).isTrue();
        assertThat(
                        FakePushService.verifyJwt(
                                m.group(1), m.group(2), "http://127.0.0.1:4000", Instant.now()))
                .isNull();
    }

    private static String jwt(KeyPair pair, String aud, long exp) throws Exception {
        String header = B64E.encodeToString("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes());
        String claims =
                B64E.encodeToString(
                        ("{\"aud\":\"" + aud + "\",\"exp\":" + exp + ",\"sub\":\"mailto:a@b.c\"}")
                                .getBytes());
        Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initSign(pair.getPrivate());
        s.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + B64E.encodeToString(s.sign());
    }
}
