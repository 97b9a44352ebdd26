package com.buildcrm.ai.voice;

import jakarta.validation.constraints.Size;

/** Request bodies of the transcription admin API (classes with annotated fields). */
public final class TranscriptionRequests {

    private TranscriptionRequests() {}

    /**
     * PUT /api/admin/transcription: the platform-wide endpoint; {@code baseUrl} and {@code model}
     * both blank remove it. {@code apiKey} is write-only: absent or blank keeps the stored key
     * (unless the base URL changes, which drops it); {@code clearApiKey} removes it.
     */
    public static class EndpointRequest {
        @Size(max = 500)
        public String baseUrl;

        @Size(max = 200)
        public String model;

        @Size(max = 500)
        public String apiKey;

        public Boolean clearApiKey;
    }

    /**
     * PUT /api/admin/tenants/{id}/transcription: {@code mode} DEFAULT (the platform's endpoint),
     * OWN (this endpoint) or OFF (voice notes are not transcribed for this company).
     */
    public static final class TenantEndpointRequest extends EndpointRequest {
        @Size(max = 10)
        public String mode;
    }
}
