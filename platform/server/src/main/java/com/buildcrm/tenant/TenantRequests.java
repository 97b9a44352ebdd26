package com.buildcrm.tenant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** Bodies of the operator's tenant endpoints. */
public final class TenantRequests {
    private TenantRequests() {}

    /** Request classes use annotated fields: see {@code AuthRequests} for why not records. */
    public static final class CreateTenantRequest {
        @NotBlank
        @Pattern(
                regexp = "^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$",
                message = "lower-case letters, digits and dashes, 1-40 characters")
        public String slug;

        @NotBlank
        @Size(max = 200)
        public String name;

        @Size(max = 64)
        public String timezone;

        @Pattern(regexp = "^(ru|en|kk)$", message = "one of ru, en, kk")
        public String locale;

        @Size(max = 64)
        public String pack;

        @NotNull @Valid public NewOwnerRequest owner;
    }

    public static final class NewOwnerRequest {
        @NotBlank
        @Size(max = 200)
        public String name;

        @NotBlank
        @Email
        @Size(max = 320)
        public String email;

        @NotBlank
        @Size(min = 8, max = 200)
        public String password;
    }

    /** A tenant as the operator sees it. */
    public record TenantResponse(
            long id,
            String slug,
            String name,
            String status,
            String timezone,
            String locale,
            String pack,
            String schemaVersion,
            OwnerSummary owner,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            String provisioningStep,
            ChannelSummary channel,
            Long leadsToday) {}

    public record OwnerSummary(String name, String email) {}

    /**
     * The tenant's WhatsApp channel at a glance: {@code provider} is null while none is configured;
     * {@code state} is {@code none}, {@code ok} or {@code error} (the last send/connection failed
     * after the last inbound message).
     */
    public record ChannelSummary(
            String provider,
            String state,
            OffsetDateTime lastInboundAt,
            String lastError,
            OffsetDateTime lastErrorAt) {}
}
