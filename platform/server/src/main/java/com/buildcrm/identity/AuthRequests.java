package com.buildcrm.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Request bodies of the auth endpoints. Classes with annotated fields rather than records: Payara's
 * OpenAPI generator fails on constraints that records copy onto constructor parameters.
 */
public final class AuthRequests {
    private AuthRequests() {}

    public static final class OperatorLoginRequest {
        @NotBlank
        @Size(max = 320)
        public String email;

        @NotBlank
        @Size(max = 200)
        public String password;
    }

    public static final class UserLoginRequest {
        @NotBlank
        @Size(max = 40)
        public String tenant;

        @NotBlank
        @Size(max = 320)
        public String email;

        @NotBlank
        @Size(max = 200)
        public String password;
    }

    /**
     * The refresh token in the body (API clients). The web apps send {@code {}} instead and let the
     * session cookie carry it (see {@link SessionCookie}).
     */
    public static final class RefreshRequest {
        @Size(max = 200)
        public String refreshToken;

        /** The token from the body, or empty when it is absent or blank. */
        java.util.Optional<String> token() {
            return refreshToken == null || refreshToken.isBlank()
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(refreshToken.strip());
        }
    }
}
