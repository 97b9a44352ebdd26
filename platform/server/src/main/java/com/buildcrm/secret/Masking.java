package com.buildcrm.secret;

/**
 * How a stored secret is shown back: secrets are write-only, so an API answers with a mask that
 * lets a person recognise which key is set ({@code ••••••1234}) without revealing it. The last four
 * characters are shown only for secrets of at least 12 characters; shorter ones are masked
 * entirely, and the mask has a fixed width so it does not reveal the length either.
 */
public final class Masking {

    /** What replaces the hidden part. */
    public static final String MASK = "••••••";

    /** Secrets shorter than this (in characters) are masked entirely. */
    public static final int MIN_LENGTH_TO_SHOW_TAIL = 12;

    private static final int TAIL = 4;

    private Masking() {}

    /**
     * The masked form of {@code secret}: {@code ""} when none is set (null or empty), {@code
     * ••••••} plus the last four characters when it has at least 12, else {@code ••••••}.
     */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "";
        }
        int length = secret.codePointCount(0, secret.length());
        if (length < MIN_LENGTH_TO_SHOW_TAIL) {
            return MASK;
        }
        return MASK + secret.substring(secret.offsetByCodePoints(secret.length(), -TAIL));
    }

    /**
     * True when a value sent back by a form is a mask this class produced, i.e. the person left the
     * secret unchanged and the stored one must be kept rather than overwritten.
     */
    public static boolean isMask(String value) {
        return value != null && value.startsWith(MASK);
    }
}
