package com.buildcrm.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Compares secrets without leaking, through timing, how much of a guess was right. */
public final class SecretComparison {

    private SecretComparison() {}

    /**
     * True when both are present, non-empty and equal. Both sides are hashed first so that {@link
     * MessageDigest#isEqual} compares equal-length values and not even the length leaks.
     */
    public static boolean matches(String expected, String given) {
        if (expected == null || expected.isEmpty() || given == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(expected), sha256(given));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
