package com.buildcrm.ai;

import com.buildcrm.ai.greeting.GreetingChains;
import com.buildcrm.ai.llm.AiBrains;
import com.buildcrm.ai.llm.LlmConfig;
import com.buildcrm.audit.AuditLog;
import com.buildcrm.audit.AuditLog.Actor;
import com.buildcrm.brain.Conversation;
import com.buildcrm.brain.TurnOutcome;
import com.buildcrm.lead.LeadJson;
import com.buildcrm.pack.PackHost;
import com.buildcrm.plugin.api.FieldType;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.PackSetting;
import com.buildcrm.secret.Masking;
import com.buildcrm.tenancy.CompanySetupChanged;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantDirectory;
import com.buildcrm.web.ApiProblem;
import com.buildcrm.web.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The operator's side of the AI manager: settings, greeting chain, pack choice, preview. */
@ApplicationScoped
public class AiAdminService {

    @Inject Storage storage;
    @Inject TenantDirectory directory;
    @Inject AiSettingsStore store;
    @Inject GreetingChains greetings;
    @Inject PackHost packs;
    @Inject AiBrains brains;
    @Inject PreviewKnowledge knowledge;
    @Inject Event<CompanySetupChanged> setupChanged;

    /** The AI settings as the console shows them (the key masked). */
    public record AiView(
            boolean enabled,
            String brain,
            String prompt,
            int debounceMs,
            LlmView llm,
            String pack,
            String packPrompt) {}

    public record LlmView(
            String baseUrl,
            String model,
            String apiKey,
            boolean apiKeySet,
            BigDecimal temperature) {}

    /** The pack choice and its settings (values; the schema is in GET /api/admin/packs). */
    public record PackView(String pack, Map<String, String> settings) {}

    public record GreetingView(List<GreetingChains.Step> steps, String source) {}

    /** One turn of a preview dialogue. */
    public record PreviewTurn(
            List<String> client,
            List<String> replies,
            List<Integer> greetingSteps,
            Map<String, Object> fields,
            String stage,
            String temperature,
            int score,
            boolean handOff,
            List<String> events) {}

    public record Preview(List<GreetingChains.Step> greeting, List<PreviewTurn> turns) {}

    public AiView ai(long tenantId) {
        TenantPack t = tenant(tenantId);
        AiSettings s = store.load(tenantId);
        return new AiView(
                s.enabled(),
                s.brain(),
                s.prompt(),
                s.debounceMs(),
                new LlmView(
                        s.llmBaseUrl(),
                        s.llmModel(),
                        s.llmApiKey().map(Masking::mask).orElse(null),
                        s.llmApiKey().isPresent(),
                        s.llmTemperature()),
                t.packId(),
                packs.packFor(t.packId()).industryPrompt(t.locale()));
    }

    public AiView saveAi(long tenantId, AiRequests.AiRequest r, Actor actor) {
        tenant(tenantId);
        AiSettings current = store.load(tenantId);
        List<FieldError> errors = new ArrayList<>();
        String brain = r.brain == null ? current.brain() : r.brain.strip().toLowerCase(Locale.ROOT);
        if (!brain.equals("rules") && !brain.equals("llm")) {
            errors.add(new FieldError("brain", "one of rules, llm"));
        }
        AiRequests.LlmRequest llm = r.llm == null ? new AiRequests.LlmRequest() : r.llm;
        String baseUrl = llm.baseUrl == null ? current.llmBaseUrl() : blankToNull(llm.baseUrl);
        String model = llm.model == null ? current.llmModel() : blankToNull(llm.model);
        if (baseUrl != null && !GreetingChains.isHttpUrlPublic(baseUrl)) {
            errors.add(new FieldError("llm.baseUrl", "an http(s) URL"));
        }
        if ("llm".equals(brain) && (baseUrl == null || model == null)) {
            errors.add(new FieldError("llm", "the LLM brain needs llm.baseUrl and llm.model"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("The AI settings are not valid", errors);
        }
        Optional<String> newKey =
                llm.apiKey == null || llm.apiKey.isBlank() || Masking.isMask(llm.apiKey)
                        ? Optional.empty()
                        : Optional.of(llm.apiKey.strip());
        // the stored key never follows the endpoint to another host: a new base URL without the
        // key in the same request drops it (the view then shows apiKeySet=false)
        boolean endpointChanged = llm.baseUrl != null && !sameUrl(baseUrl, current.llmBaseUrl());
        boolean clearKey =
                Boolean.TRUE.equals(llm.clearApiKey)
                        || (endpointChanged && newKey.isEmpty() && current.llmApiKey().isPresent());
        AiSettings next =
                new AiSettings(
                        r.enabled == null ? current.enabled() : r.enabled,
                        brain,
                        r.prompt == null ? current.prompt() : r.prompt,
                        baseUrl,
                        model,
                        Optional.empty(),
                        llm.temperature == null ? current.llmTemperature() : llm.temperature,
                        r.debounceMs == null ? current.debounceMs() : r.debounceMs);
        storage.transactions()
                .inPlatformDo(
                        em -> {
                            store.save(em, tenantId, next, newKey, clearKey);
                            AuditLog.record(
                                    em,
                                    actor,
                                    tenantId,
                                    "ai.configure",
                                    brain,
                                    Map.of(
                                            "enabled",
                                            next.enabled(),
                                            "apiKeyChanged",
                                            newKey.isPresent() || clearKey));
                        });
        setupChanged(tenantId);
        return ai(tenantId);
    }

    /**
     * After a change of what a turn and a greeting read ({@code FirstContact.configured}) has
     * committed: every instance drops its kept copy, this one before the answer returns.
     */
    private void setupChanged(long tenantId) {
        setupChanged.fire(new CompanySetupChanged(tenantId));
    }

    public PackView pack(long tenantId) {
        TenantPack t = tenant(tenantId);
        return new PackView(t.packId(), t.settings());
    }

    public PackView savePack(
            long tenantId, String packId, Map<String, String> settings, Actor actor) {
        tenant(tenantId);
        if (packId == null || !packs.known(packId)) {
            throw ApiProblem.invalidField("pack", "unknown pack; see GET /api/admin/packs");
        }
        IndustryPack pack = packs.packFor(packId);
        Map<String, String> clean = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        Map<String, PackSetting> schema = new LinkedHashMap<>();
        pack.settingsSchema().forEach(s -> schema.put(s.key(), s));
        (settings == null ? Map.<String, String>of() : settings)
                .forEach(
                        (k, v) -> {
                            PackSetting s = schema.get(k);
                            if (s == null) {
                                errors.add(
                                        new FieldError(
                                                "settings." + k, "not a setting of " + packId));
                            } else if (v != null && !v.isBlank()) {
                                if (!fits(s.type(), v.strip())) {
                                    errors.add(
                                            new FieldError(
                                                    "settings." + k,
                                                    "must be "
                                                            + s.type()
                                                                    .name()
                                                                    .toLowerCase(Locale.ROOT)));
                                }
                                clean.put(k, v.strip());
                            }
                        });
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("The pack settings are not valid", errors);
        }
        storage.transactions()
                .inPlatformDo(
                        em -> {
                            em.createNativeQuery(
                                            "UPDATE platform.tenants SET plugin_id = ?1, pack_settings = CAST(?2 AS jsonb),"
                                                    + " updated_at = now() WHERE id = ?3")
                                    .setParameter(1, packId)
                                    .setParameter(2, LeadJson.toJson(clean).toString())
                                    .setParameter(3, tenantId)
                                    .executeUpdate();
                            AuditLog.record(
                                    em,
                                    actor,
                                    tenantId,
                                    "pack.choose",
                                    packId,
                                    Map.of("settings", String.join(",", clean.keySet())));
                        });
        setupChanged(tenantId);
        return pack(tenantId);
    }

    public GreetingView greeting(long tenantId) {
        TenantPack t = tenant(tenantId);
        IndustryPack pack = packs.packFor(t.packId());
        GreetingChains.Chain chain =
                storage.transactions()
                        .inPlatform(
                                em ->
                                        greetings.resolve(
                                                em,
                                                tenantId,
                                                t.packId(),
                                                pack,
                                                t.locale(),
                                                t.settings()));
        return new GreetingView(chain.steps(), chain.source());
    }

    public GreetingView saveGreeting(long tenantId, List<GreetingChains.Step> steps, Actor actor) {
        tenant(tenantId);
        storage.transactions()
                .inPlatformDo(
                        em -> {
                            greetings.save(em, tenantId, steps);
                            AuditLog.record(
                                    em,
                                    actor,
                                    tenantId,
                                    "greeting.configure",
                                    "steps",
                                    Map.of("steps", steps.size()));
                        });
        setupChanged(tenantId);
        return greeting(tenantId);
    }

    /** Drops the operator's chain: the pack's default applies again. */
    public GreetingView resetGreeting(long tenantId, Actor actor) {
        tenant(tenantId);
        storage.transactions()
                .inPlatformDo(
                        em -> {
                            greetings.reset(em, tenantId);
                            AuditLog.record(
                                    em, actor, tenantId, "greeting.reset", "steps", Map.of());
                        });
        setupChanged(tenantId);
        return greeting(tenantId);
    }

    /**
     * Plays a dialogue against the tenant's real configuration (pack, pack settings, brain,
     * greeting chain, knowledge base) without touching any lead: nothing is stored and nothing is
     * sent. Questions are answered from the base a real turn uses (the saved one, or the pack's
     * defaults), so the operator sees what a client would get.
     */
    public Preview preview(long tenantId, List<List<String>> turns) {
        TenantPack t = tenant(tenantId);
        AiSettings s = store.load(tenantId);
        IndustryPack pack = packs.packFor(t.packId());
        Optional<LlmConfig> llm =
                s.usesLlm()
                        ? Optional.of(
                                new LlmConfig(
                                        s.llmBaseUrl(),
                                        s.llmModel(),
                                        s.llmApiKey().orElse(""),
                                        s.llmTemperature().doubleValue(),
                                        s.prompt(),
                                        LlmConfig.configuredTimeout()))
                        : Optional.empty();
        Conversation conversation =
                new Conversation(
                        pack,
                        t.settings(),
                        t.locale(),
                        input -> brains.decide(input, llm).actions());
        conversation.useKnowledge(knowledge.forPreview(tenantId, pack, t.packId(), t.locale()));
        List<PreviewTurn> out = new ArrayList<>();
        for (List<String> burst : turns) {
            TurnOutcome o = conversation.clientWrites(burst.toArray(String[]::new));
            out.add(
                    new PreviewTurn(
                            burst,
                            o.replies(),
                            o.greetingSteps(),
                            o.state().fields(),
                            o.state().stageRole() == null ? null : o.state().stageRole().name(),
                            o.state().temperature().name(),
                            o.state().score(),
                            o.handOff(),
                            o.events().stream().map(e -> e.type() + ": " + e.reason()).toList()));
        }
        return new Preview(greeting(tenantId).steps(), out);
    }

    private TenantPack tenant(long tenantId) {
        if (!directory.exists(tenantId)) {
            throw ApiProblem.notFound("Tenant " + tenantId);
        }
        return storage.transactions().inPlatform(em -> TenantPack.load(em, tenantId));
    }

    private static boolean fits(FieldType type, String v) {
        return switch (type) {
            case TEXT -> v.length() <= 2000;
            case NUMBER -> v.matches("-?\\d+([.,]\\d+)?");
            case INTEGER -> v.matches("-?\\d{1,18}");
            case BOOLEAN -> v.equals("true") || v.equals("false");
        };
    }

    private static boolean sameUrl(String a, String b) {
        return normalisedUrl(a).equals(normalisedUrl(b));
    }

    private static String normalisedUrl(String url) {
        return url == null ? "" : url.strip().replaceAll("/+$", "").toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
