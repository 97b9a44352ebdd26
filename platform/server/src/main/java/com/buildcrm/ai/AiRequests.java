package com.buildcrm.ai;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Request bodies of the AI admin API (classes with annotated fields: see AuthRequests). */
public final class AiRequests {

    private AiRequests() {}

    /** PUT /api/admin/tenants/{id}/ai; absent fields keep their value. */
    public static final class AiRequest {
        public Boolean enabled;

        @Size(max = 10)
        public String brain;

        @Size(max = 20000)
        public String prompt;

        @Min(0)
        @Max(60000)
        public Integer debounceMs;

        @Valid public LlmRequest llm;
    }

    /**
     * The LLM part; {@code apiKey} is write-only (absent, blank or the mask keeps the stored key).
     */
    public static final class LlmRequest {
        @Size(max = 500)
        public String baseUrl;

        @Size(max = 200)
        public String model;

        @Size(max = 500)
        public String apiKey;

        public Boolean clearApiKey;

        @DecimalMin("0")
        @DecimalMax("2")
        public BigDecimal temperature;
    }

    /** PUT /api/admin/tenants/{id}/pack. */
    public static final class PackRequest {
        @NotNull
        @Size(max = 64)
        public String pack;

        public Map<String, String> settings;
    }

    /** One step of PUT /api/admin/tenants/{id}/greeting. */
    public static final class GreetingStepRequest {
        @NotNull
        @Size(max = 10)
        public String kind;

        @Size(max = 4000)
        public String text;

        @Size(max = 10)
        public List<@Size(max = 64) String> mediaIds;

        @Size(max = 10)
        public List<@Size(max = 1000) String> captions;

        @Size(max = 2000)
        public String url;
    }

    /** PUT /api/admin/tenants/{id}/greeting. */
    public static final class GreetingRequest {
        @NotNull
        @Size(max = 10)
        public List<@Valid @NotNull GreetingStepRequest> steps;
    }

    /** POST /api/admin/tenants/{id}/ai/preview: the client's bursts, one list per turn. */
    public static final class PreviewRequest {
        @NotNull
        @Size(min = 1, max = 30)
        public List<@NotNull @Size(min = 1, max = 5) List<@NotNull @Size(max = 4000) String>> turns;
    }
}
