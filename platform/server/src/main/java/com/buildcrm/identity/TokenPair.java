package com.buildcrm.identity;

/** What a login or a refresh returns. */
public record TokenPair(String accessToken, String refreshToken, long expiresIn, String tokenType) {
    public TokenPair(String accessToken, String refreshToken, long expiresIn) {
        this(accessToken, refreshToken, expiresIn, "Bearer");
    }
}
