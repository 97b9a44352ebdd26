package com.buildcrm.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a string's UTF-8 bytes: what token tables store and long ids are shortened to. */
public final class Sha256 {

    private Sha256() {}

    /** The digest of the UTF-8 bytes of {@code value}. */
    public static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The digest as 64 lower-case hex digits. */
    public static String hex(String value) {
        return HexFormat.of().formatHex(digest(value));
    }
}
