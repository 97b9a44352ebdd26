package com.buildcrm.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platform's 256-bit master key. It is never used directly: each purpose (secrets at rest,
 * signed media URLs, …) derives its own key with {@link #derive(String)} (HKDF-SHA256, RFC 5869),
 * so one key material never serves two algorithms. {@link #id()} is a one-byte fingerprint written
 * into every ciphertext, so a server holding a different key says so instead of failing vaguely,
 * and so old ciphertexts can be found and re-encrypted after a rotation.
 */
public final class MasterKey {

    /** Key length in bytes (AES-256). */
    public static final int LENGTH = 32;

    private static final byte[] SALT = "buildcrm/master-key".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final int id;

    private MasterKey(byte[] key) {
        if (key.length != LENGTH) {
            throw new IllegalArgumentException(
                    "a master key is " + LENGTH + " bytes, got " + key.length);
        }
        this.key = key.clone();
        this.id = derive("buildcrm/key-id")[0] & 0xFF;
    }

    /** A fresh random key (for the embedded default and for tests). */
    public static MasterKey generate() {
        byte[] bytes = new byte[LENGTH];
        RANDOM.nextBytes(bytes);
        return new MasterKey(bytes);
    }

    /**
     * Parses base64 (standard or URL-safe, padding and whitespace optional) of exactly 32 bytes.
     *
     * @throws IllegalArgumentException naming what is wrong, never echoing the value
     */
    public static MasterKey fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("the master key is empty");
        }
        String compact = base64.replaceAll("\\s", "").replace('-', '+').replace('_', '/');
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the master key is not valid base64");
        }
        if (bytes.length != LENGTH) {
            int length = bytes.length;
            Arrays.fill(bytes, (byte) 0);
            throw new IllegalArgumentException(
                    "the master key must be base64 of exactly "
                            + LENGTH
                            + " bytes, got "
                            + length
                            + " bytes");
        }
        try {
            return new MasterKey(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The one-byte fingerprint (0–255) stamped into ciphertexts; not secret. */
    public int id() {
        return id;
    }

    /**
     * A 32-byte key for one purpose: HKDF-SHA256 with a fixed salt and {@code label} as info. Use a
     * distinct, versioned label per purpose, e.g. {@code "buildcrm/secret-box/v1"}.
     */
    public byte[] derive(String label) {
        return hkdf(SALT, key, label.getBytes(StandardCharsets.UTF_8));
    }

    /** Same key material (constant time). */
    boolean sameAs(MasterKey other) {
        return java.security.MessageDigest.isEqual(key, other.key);
    }

    String toBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    /** HKDF-SHA256 (RFC 5869) producing one block: 32 bytes. */
    static byte[] hkdf(byte[] salt, byte[] inputKey, byte[] info) {
        byte[] prk = hmac(salt, inputKey);
        byte[] block = Arrays.copyOf(info, info.length + 1);
        block[info.length] = 1;
        try {
            return hmac(prk, block);
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Shows the fingerprint only: a key never reaches a log line. */
    @Override
    public String toString() {
        return "MasterKey[id=" + String.format("%02x", id) + "]";
    }
}
