package com.buildcrm.ai.voice;

import com.buildcrm.ai.greeting.GreetingChains;
import com.buildcrm.ai.voice.TranscriptionSettings.Effective;
import com.buildcrm.ai.voice.TranscriptionSettings.Mode;
import com.buildcrm.ai.voice.TranscriptionSettings.Stored;
import com.buildcrm.ai.voice.TranscriptionSettings.TenantSetting;
import com.buildcrm.audit.AuditLog;
import com.buildcrm.audit.AuditLog.Actor;
import com.buildcrm.secret.Masking;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantDirectory;
import com.buildcrm.web.ApiProblem;
import com.buildcrm.web.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The operator's transcription settings: the platform default and each tenant's override. */
@ApplicationScoped
public class TranscriptionAdminService {

    @Inject Storage storage;
    @Inject TenantDirectory directory;
    @Inject TranscriptionSettings settings;

    /**
     * The platform-wide endpoint as the console shows it; the key only as set or not.
     *
     * @param configured whether a default endpoint exists
     */
    public record PlatformView(
            boolean configured, String baseUrl, String model, boolean apiKeySet) {}

    /**
     * A tenant's setting and what it amounts to.
     *
     * @param mode DEFAULT, OWN or OFF
     * @param baseUrl the tenant's own endpoint (OWN), else null
     * @param model the tenant's own model (OWN), else null
     * @param apiKeySet whether the tenant's own endpoint has a key
     * @param effective the endpoint its voice notes go to now
     */
    public record TenantView(
            String mode,
            String baseUrl,
            String model,
            boolean apiKeySet,
            EffectiveView effective) {}

    /**
     * @param source TENANT, PLATFORM or NONE (voice notes are not transcribed)
     */
    public record EffectiveView(String source, String baseUrl, String model) {}

    public PlatformView platform() {
        return storage.transactions()
                .inPlatform(
                        em ->
                                settings.platformDefault(em)
                                        .map(
                                                d ->
                                                        new PlatformView(
                                                                true,
                                                                d.baseUrl(),
                                                                d.model(),
                                                                d.apiKey().isPresent()))
                                        .orElse(new PlatformView(false, null, null, false)));
    }

    public PlatformView savePlatform(TranscriptionRequests.EndpointRequest r, Actor actor) {
        Optional<Stored> current = storage.transactions().inPlatform(settings::platformDefault);
        String baseUrl = blankToNull(r.baseUrl);
        String model = blankToNull(r.model);
        List<FieldError> errors = endpointErrors(baseUrl, model, "");
        boolean remove = baseUrl == null && model == null;
        if (!remove && !errors.isEmpty()) {
            throw ApiProblem.badRequest("The transcription endpoint is not valid", errors);
        }
        Optional<String> newKey = newKey(r.apiKey);
        boolean moved = current.isPresent() && !sameUrl(baseUrl, current.get().baseUrl());
        boolean clearKey = Boolean.TRUE.equals(r.clearApiKey) || (moved && newKey.isEmpty());
        storage.transactions()
                .inPlatformDo(
                        em -> {
                            if (remove) {
                                settings.removePlatformDefault(em);
                            } else {
                                settings.savePlatformDefault(em, baseUrl, model, newKey, clearKey);
                            }
                            AuditLog.record(
                                    em,
                                    actor,
                                    null,
                                    "transcription.configure",
                                    remove ? "none" : baseUrl,
                                    Map.of("apiKeyChanged", newKey.isPresent() || clearKey));
                        });
        return platform();
    }

    public TenantView tenant(long tenantId) {
        exists(tenantId);
        return storage.transactions()
                .inPlatform(
                        em -> {
                            TenantSetting t = settings.tenant(em, tenantId);
                            Effective e = settings.effective(em, tenantId);
                            return new TenantView(
                                    t.mode().name(),
                                    t.own().map(Stored::baseUrl).orElse(null),
                                    t.own().map(Stored::model).orElse(null),
                                    t.own().flatMap(Stored::apiKey).isPresent(),
                                    new EffectiveView(
                                            e.source().name(),
                                            e.endpoint()
                                                    .map(TranscriptionEndpoint::baseUrl)
                                                    .orElse(null),
                                            e.endpoint()
                                                    .map(TranscriptionEndpoint::model)
                                                    .orElse(null)));
                        });
    }

    public TenantView saveTenant(
            long tenantId, TranscriptionRequests.TenantEndpointRequest r, Actor actor) {
        exists(tenantId);
        TenantSetting current =
                storage.transactions().inPlatform(em -> settings.tenant(em, tenantId));
        Mode mode;
        try {
            mode =
                    r.mode == null
                            ? current.mode()
                            : Mode.valueOf(r.mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("mode", "one of DEFAULT, OWN, OFF");
        }
        Optional<Stored> own = current.own();
        String baseUrl =
                r.baseUrl == null ? own.map(Stored::baseUrl).orElse(null) : blankToNull(r.baseUrl);
        String model = r.model == null ? own.map(Stored::model).orElse(null) : blankToNull(r.model);
        if (mode == Mode.OWN) {
            List<FieldError> errors = endpointErrors(baseUrl, model, "");
            if (!errors.isEmpty()) {
                throw ApiProblem.badRequest("The transcription endpoint is not valid", errors);
            }
        }
        Optional<String> newKey = newKey(r.apiKey);
        boolean moved = own.isPresent() && !sameUrl(baseUrl, own.get().baseUrl());
        boolean clearKey = Boolean.TRUE.equals(r.clearApiKey) || (moved && newKey.isEmpty());
        storage.transactions()
                .inPlatformDo(
                        em -> {
                            settings.saveTenant(
                                    em, tenantId, mode, baseUrl, model, newKey, clearKey);
                            AuditLog.record(
                                    em,
                                    actor,
                                    tenantId,
                                    "transcription.configure",
                                    mode.name(),
                                    Map.of("apiKeyChanged", newKey.isPresent() || clearKey));
                        });
        return tenant(tenantId);
    }

    private void exists(long tenantId) {
        if (!directory.exists(tenantId)) {
            throw ApiProblem.notFound("Tenant " + tenantId);
        }
    }

    private static List<FieldError> endpointErrors(String baseUrl, String model, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (baseUrl == null || !GreetingChains.isHttpUrlPublic(baseUrl)) {
            errors.add(new FieldError(prefix + "baseUrl", "an http(s) URL"));
        }
        if (model == null) {
            errors.add(new FieldError(prefix + "model", "required, e.g. whisper-1"));
        }
        return errors;
    }

    private static Optional<String> newKey(String apiKey) {
        return apiKey == null || apiKey.isBlank() || Masking.isMask(apiKey)
                ? Optional.empty()
                : Optional.of(apiKey.strip());
    }

    private static boolean sameUrl(String a, String b) {
        return normalised(a).equals(normalised(b));
    }

    private static String normalised(String url) {
        return url == null ? "" : url.strip().replaceAll("/+$", "").toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
