package com.buildcrm.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final MasterKey key = MasterKey.generate();
    private final SecretBox box = new SecretBox(key);

    @Test
    void secretRoundTripsWithTheTenantAsAssociatedData() {
        String token = "eyJhbGciOiJIUzI1NiJ9.chatflow-token.abc";

        String sealed = box.encrypt(token, "tenant:42");

        assertThat(sealed).startsWith("v1:").doesNotContain(token);
        assertThat(box.decrypt(sealed, "tenant:42")).isEqualTo(token);
    }

    @Test
    void cyrillicAndEmptySecretsRoundTrip() {
        String cyrillic = "ключ-доступа-Қазақстан-№1 🔑";

        assertThat(box.decrypt(box.encrypt(cyrillic))).isEqualTo(cyrillic);
        assertThat(box.decrypt(box.encrypt(""))).isEmpty();
    }

    @Test
    void twoEncryptionsOfTheSameSecretDiffer() {
        String first = box.encrypt("sk-same-secret", "tenant:1");
        String second = box.encrypt("sk-same-secret", "tenant:1");

        assertThat(first).isNotEqualTo(second);
        assertThat(box.decrypt(first, "tenant:1")).isEqualTo(box.decrypt(second, "tenant:1"));
    }

    @Test
    void ciphertextIsCompactUrlSafeText() {
        String sealed = box.encrypt("sk-0123456789");

        assertThat(sealed).matches("v1:[A-Za-z0-9_-]+");
        byte[] raw = Base64.getUrlDecoder().decode(sealed.substring(3));
        // key id + 96-bit nonce + ciphertext + 128-bit tag
        assertThat(raw).hasSize(1 + 12 + "sk-0123456789".length() + 16);
        assertThat(raw[0] & 0xFF).isEqualTo(key.id());
    }

    @Test
    void tamperedCiphertextIsRefused() {
        String sealed = box.encrypt("sk-live-secret", "tenant:7");
        byte[] raw = Base64.getUrlDecoder().decode(sealed.substring(3));
        raw[raw.length - 20] ^= 0x01;
        String tampered = "v1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertThatThrownBy(() -> box.decrypt(tampered, "tenant:7"))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("does not authenticate")
                .hasMessageNotContaining("sk-live-secret");
    }

    @Test
    void tamperedNonceIsRefused() {
        String sealed = box.encrypt("sk-live-secret");
        byte[] raw = Base64.getUrlDecoder().decode(sealed.substring(3));
        raw[1] ^= 0x01;
        String tampered = "v1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertThatThrownBy(() -> box.decrypt(tampered))
                .isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void secretCopiedToAnotherTenantDoesNotDecrypt() {
        String sealedForA = box.encrypt("sk-tenant-a", "tenant:1");

        assertThatThrownBy(() -> box.decrypt(sealedForA, "tenant:2"))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("another tenant");
        assertThatThrownBy(() -> box.decrypt(sealedForA))
                .isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void emptyAssociatedDataIsNotTheSameAsNone() {
        String sealed = box.encrypt("sk-x", "");

        assertThatThrownBy(() -> box.decrypt(sealed)).isInstanceOf(SecretDecryptionException.class);
        assertThat(box.decrypt(sealed, "")).isEqualTo("sk-x");
    }

    @Test
    void secretWrittenUnderAnotherMasterKeyIsRefusedClearly() {
        MasterKey other = otherKeyWithDifferentId(key);
        String sealed = new SecretBox(other).encrypt("sk-other", "tenant:1");

        assertThatThrownBy(() -> box.decrypt(sealed, "tenant:1"))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("master key")
                .hasMessageContaining("BUILDCRM_MASTER_KEY");
    }

    @Test
    void forgedKeyIdDoesNotHelp() {
        MasterKey other = otherKeyWithDifferentId(key);
        String sealed = new SecretBox(other).encrypt("sk-other");
        byte[] raw = Base64.getUrlDecoder().decode(sealed.substring(3));
        raw[0] = (byte) key.id();
        String relabelled = "v1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertThatThrownBy(() -> box.decrypt(relabelled))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("does not authenticate");
    }

    @Test
    void retiredKeyStillDecryptsAndIsFlaggedForReencryption() {
        MasterKey old = otherKeyWithDifferentId(key);
        String sealedUnderOld = new SecretBox(old).encrypt("sk-before-rotation", "tenant:3");
        SecretBox rotated = new SecretBox(key, old);

        assertThat(rotated.decrypt(sealedUnderOld, "tenant:3")).isEqualTo("sk-before-rotation");
        assertThat(rotated.isUnderCurrentKey(sealedUnderOld)).isFalse();
        assertThat(rotated.isUnderCurrentKey(rotated.encrypt("sk-new"))).isTrue();
    }

    @Test
    void garbageIsRefusedWithAClearException() {
        assertThatThrownBy(() -> box.decrypt("plain-text-token"))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("not a BuildCRM secret");
        assertThatThrownBy(() -> box.decrypt(null)).isInstanceOf(SecretDecryptionException.class);
        assertThatThrownBy(() -> box.decrypt("v1:###"))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("base64url");
        assertThatThrownBy(() -> box.decrypt("v1:AAAA"))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void theEncryptionKeyIsDerivedNotTheMasterKeyItself() {
        assertThat(key.derive("buildcrm/secret-box/v1"))
                .hasSize(32)
                .isNotEqualTo(key.derive("buildcrm/media-url/v1"));
    }

    @Test
    void derivationMatchesRfc5869TestCase1() {
        byte[] ikm = hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = hex("000102030405060708090a0b0c");
        byte[] info = hex("f0f1f2f3f4f5f6f7f8f9");

        assertThat(MasterKey.hkdf(salt, ikm, info))
                .isEqualTo(hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"));
    }

    @Test
    void masterKeyNeverShowsItselfInToString() {
        MasterKey parsed = MasterKey.fromBase64(key.toBase64());

        assertThat(parsed.toString()).doesNotContain(key.toBase64()).startsWith("MasterKey[id=");
        assertThat(parsed.id()).isEqualTo(key.id());
    }

    static MasterKey otherKeyWithDifferentId(MasterKey key) {
        MasterKey other;
        do {
            other = MasterKey.generate();
        } while (other.id() == key.id());
        return other;
    }

    private static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }
}
