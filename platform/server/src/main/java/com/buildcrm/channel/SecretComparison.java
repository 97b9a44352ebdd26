package com.buildcrm.channel;

import com.buildcrm.secret.Sha256;
import java.security.MessageDigest;

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
        return MessageDigest.isEqual(Sha256.digest(expected), Sha256.digest(given));
    }
}
