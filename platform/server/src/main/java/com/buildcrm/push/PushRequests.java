package com.buildcrm.push;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Request bodies of the push endpoints (classes with annotated fields, see {@code AuthRequests}).
 */
public final class PushRequests {
    private PushRequests() {}

    /** The browser's {@code PushSubscription.toJSON()}. */
    public static final class SubscribeRequest {
        @NotBlank
        @Size(max = 2048)
        public String endpoint;

        /** Milliseconds since the epoch when the browser lets it expire; usually null. */
        public Long expirationTime;

        @Valid @NotNull public Keys keys;
    }

    /** The subscription's keys, base64url as the browser gives them. */
    public static final class Keys {
        @NotBlank
        @Size(max = 200)
        public String p256dh;

        @NotBlank
        @Size(max = 100)
        public String auth;
    }

    /** What the user wants pushed. */
    public static final class PreferencesRequest {
        @NotNull public Boolean assigned;
        @NotNull public Boolean clientWaiting;
        @NotNull public Boolean callSoon;
        @NotNull public Boolean hotLead;
    }
}
