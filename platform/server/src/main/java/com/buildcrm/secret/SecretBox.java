package com.buildcrm.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts channel and LLM secrets for storage (DESIGN §8): AES-256-GCM under a key derived from
 * the master key, a fresh random 96-bit nonce per encryption, and optional associated data — pass
 * the owning tenant id (and the field, e.g. {@code "42/chatflow.token"}) so a ciphertext copied to
 * another tenant's row does not decrypt.
 *
 * <p>Output: {@code v1:<base64url(keyId | nonce | ciphertext | tag)>} without padding. {@code v1}
 * is the format; {@code keyId} is the master key's one-byte {@link MasterKey#id() fingerprint}, so
 * a box built with retired keys can still read old values, and {@link #isUnderCurrentKey} finds
 * what to re-encrypt after a rotation. The format and key id are authenticated too.
 *
 * <p>Thread-safe.
 */
public final class SecretBox {

    /** The prefix of every ciphertext this class writes. */
    public static final String PREFIX = "v1:";

    private static final String LABEL = "buildcrm/secret-box/v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] NO_AAD = new byte[0];
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Key current;
    private final List<Key> all;

    /**
     * @param current encrypts, and decrypts what it wrote
     * @param retired earlier master keys, only to decrypt values written before a rotation
     */
    public SecretBox(MasterKey current, MasterKey... retired) {
        this.current = new Key(current);
        List<Key> keys = new ArrayList<>();
        keys.add(this.current);
        for (MasterKey key : retired) {
            keys.add(new Key(key));
        }
        this.all = List.copyOf(keys);
    }

    /** Encrypts without associated data. Prefer {@link #encrypt(String, String)} with a tenant. */
    public String encrypt(String plaintext) {
        return encrypt(plaintext, null);
    }

    /**
     * Encrypts {@code plaintext} (UTF-8) bound to {@code associatedData} (may be null: none). The
     * same associated data must be given to {@link #decrypt(String, String)}.
     */
    public String encrypt(String plaintext, String associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed =
                run(
                        Cipher.ENCRYPT_MODE,
                        current,
                        nonce,
                        aad(current.id, associatedData),
                        plaintext.getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length);
        out.put((byte) current.id).put(nonce).put(sealed);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    }

    /** Decrypts a value written by {@link #encrypt(String)}. */
    public String decrypt(String ciphertext) {
        return decrypt(ciphertext, null);
    }

    /**
     * Decrypts a value written by {@link #encrypt(String, String)} with the same associated data.
     *
     * @throws SecretDecryptionException if it is malformed, was altered, belongs elsewhere or was
     *     written under a master key this box does not hold
     */
    public String decrypt(String ciphertext, String associatedData) {
        byte[] raw = unpack(ciphertext);
        int keyId = raw[0] & 0xFF;
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(raw, 1, nonce, 0, NONCE_BYTES);
        byte[] sealed = new byte[raw.length - 1 - NONCE_BYTES];
        System.arraycopy(raw, 1 + NONCE_BYTES, sealed, 0, sealed.length);
        boolean held = false;
        // ids are one-byte fingerprints: two held keys may share one, so try each that matches
        for (Key key : all) {
            if (key.id != keyId) {
                continue;
            }
            held = true;
            try {
                Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, aad(keyId, associatedData));
                return new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
            } catch (AEADBadTagException e) {
                // altered, other associated data, or another key with the same fingerprint
            } catch (GeneralSecurityException e) {
                throw new SecretDecryptionException("the secret cannot be decrypted", e);
            }
        }
        if (!held) {
            throw new SecretDecryptionException(
                    String.format(
                            "the secret was written under master key %02x, but this server holds"
                                    + " %02x; was %s changed?",
                            keyId, current.id, MasterKeys.VARIABLE));
        }
        throw new SecretDecryptionException(
                "the secret does not authenticate: it was altered, belongs to another tenant or"
                        + " record (associated data differs), or was written under another"
                        + " master key");
    }

    /**
     * True when {@code ciphertext} was written under the current master key; false means it should
     * be decrypted and encrypted again (after a rotation).
     *
     * @throws SecretDecryptionException if it is not a ciphertext of this format
     */
    public boolean isUnderCurrentKey(String ciphertext) {
        return (unpack(ciphertext)[0] & 0xFF) == current.id;
    }

    private static byte[] unpack(String ciphertext) {
        if (ciphertext == null || !ciphertext.startsWith(PREFIX)) {
            throw new SecretDecryptionException(
                    "not a BuildCRM secret: expected a value starting with " + PREFIX);
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(ciphertext.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SecretDecryptionException("the secret is not valid base64url", e);
        }
        if (raw.length < 1 + NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretDecryptionException("the secret is truncated");
        }
        return raw;
    }

    /** The format and key id are authenticated along with the caller's associated data. */
    private static byte[] aad(int keyId, String associatedData) {
        byte[] data =
                associatedData == null ? NO_AAD : associatedData.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = PREFIX.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(prefix.length + 2 + data.length)
                .put(prefix)
                .put((byte) keyId)
                .put((byte) (associatedData == null ? 0 : 1))
                .put(data)
                .array();
    }

    private static byte[] run(int mode, Key key, byte[] nonce, byte[] aad, byte[] input) {
        try {
            return cipher(mode, key, nonce, aad).doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    private static Cipher cipher(int mode, Key key, byte[] nonce, byte[] aad)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.spec, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(aad);
        return cipher;
    }

    private static final class Key {
        final int id;
        final SecretKeySpec spec;

        Key(MasterKey master) {
            this.id = master.id();
            this.spec = new SecretKeySpec(master.derive(LABEL), "AES");
        }
    }
}
