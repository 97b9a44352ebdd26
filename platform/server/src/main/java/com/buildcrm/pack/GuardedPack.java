package com.buildcrm.pack;

import com.buildcrm.plugin.api.Advice;
import com.buildcrm.plugin.api.AdviceRequest;
import com.buildcrm.plugin.api.Extraction;
import com.buildcrm.plugin.api.ExtractionRequest;
import com.buildcrm.plugin.api.FollowUpText;
import com.buildcrm.plugin.api.GreetingStep;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.KnowledgeEntry;
import com.buildcrm.plugin.api.PackDescriptor;
import com.buildcrm.plugin.api.PackMedia;
import com.buildcrm.plugin.api.PackSetting;
import com.buildcrm.plugin.api.QualificationField;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * A pack as the rest of the server uses it: every call runs under the pack's {@link PackGuard}
 * (time limit, own threads), its result is checked and copied, and a failure (exception, timeout,
 * null or invalid result) answers with the same method of the fallback pack ({@code generic-sales},
 * or the built-in minimal pack for {@code generic-sales} itself).
 */
public final class GuardedPack implements IndustryPack {

    /** The keys every qualification schema must contain (IndustryPack's contract). */
    static final Set<String> CORE_KEYS = Set.of("name", "city", "preferred_call_time");

    private final String packId;
    private final IndustryPack target;
    private final PackGuard guard;
    private final IndustryPack fallback;

    GuardedPack(String packId, IndustryPack target, PackGuard guard, IndustryPack fallback) {
        this.packId = packId;
        this.target = target;
        this.guard = guard;
        this.fallback = fallback;
    }

    /** The id of the pack behind this wrapper. */
    public String packId() {
        return packId;
    }

    /**
     * Whether the pack is put aside after repeated failures (its calls answer from the fallback).
     */
    public boolean degraded() {
        return guard.degraded();
    }

    @Override
    public PackDescriptor descriptor() {
        return guarded(
                "descriptor",
                () -> {
                    PackDescriptor d = target.descriptor();
                    if (d != null && !packId.equals(d.id())) {
                        throw new InvalidPackResultException(
                                "descriptor id " + d.id() + " differs from the plugin id");
                    }
                    return d;
                },
                fallback::descriptor);
    }

    @Override
    public List<QualificationField> qualificationSchema() {
        return guarded(
                "qualificationSchema",
                () -> checkedSchema(target.qualificationSchema()),
                fallback::qualificationSchema);
    }

    @Override
    public Extraction extract(ExtractionRequest request) {
        return guarded(
                "extract",
                () -> {
                    Extraction e = target.extract(request);
                    return e == null ? null : new Extraction(e.values(), e.unclear());
                },
                () -> fallback.extract(request));
    }

    @Override
    public List<String> priceMinimumFields() {
        return guarded(
                "priceMinimumFields",
                () -> copy(target.priceMinimumFields()),
                fallback::priceMinimumFields);
    }

    @Override
    public String clarifyingQuestion(String key, String locale) {
        // null is a valid answer here (the platform rephrases), so it travels as an Optional
        return guarded(
                        "clarifyingQuestion",
                        () -> Optional.ofNullable(target.clarifyingQuestion(key, locale)),
                        Optional::<String>empty)
                .orElse(null);
    }

    @Override
    public String industryPrompt(String locale) {
        return guarded(
                "industryPrompt",
                () -> target.industryPrompt(locale),
                () -> fallback.industryPrompt(locale));
    }

    @Override
    public List<Advice> advise(AdviceRequest request) {
        return guarded(
                "advise", () -> copy(target.advise(request)), () -> fallback.advise(request));
    }

    @Override
    public List<GreetingStep> defaultGreeting(String locale) {
        return guarded(
                "defaultGreeting",
                () -> copy(target.defaultGreeting(locale)),
                () -> fallback.defaultGreeting(locale));
    }

    @Override
    public List<FollowUpText> defaultFollowUps(String locale) {
        return guarded(
                "defaultFollowUps",
                () -> copy(target.defaultFollowUps(locale)),
                () -> fallback.defaultFollowUps(locale));
    }

    @Override
    public List<PackSetting> settingsSchema() {
        return guarded(
                "settingsSchema", () -> copy(target.settingsSchema()), fallback::settingsSchema);
    }

    @Override
    public Optional<PackMedia> media(String name) {
        return guarded("media", () -> target.media(name), () -> fallback.media(name));
    }

    /**
     * A failing pack gives no knowledge (not the fallback pack's: another industry's facts would be
     * wrong); its questions are then left for the specialist (ADR 032).
     */
    @Override
    public List<KnowledgeEntry> defaultKnowledge(String locale) {
        return guarded(
                "defaultKnowledge",
                () -> copy(target.defaultKnowledge(locale)),
                () -> List.<KnowledgeEntry>of());
    }

    @Override
    public String toString() {
        return "GuardedPack[" + packId + "]";
    }

    private <T> T guarded(String method, Callable<T> call, Supplier<T> onFailure) {
        return guard.run(method, call).orElseGet(onFailure);
    }

    /** A copy; {@code null} (the whole list) stays null so the guard reports it. */
    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    private static List<QualificationField> checkedSchema(List<QualificationField> schema) {
        if (schema == null) {
            return null;
        }
        List<QualificationField> copy = List.copyOf(schema);
        Set<String> keys = new HashSet<>();
        for (QualificationField field : copy) {
            if (!keys.add(field.key())) {
                throw new InvalidPackResultException("duplicate field key " + field.key());
            }
        }
        if (!keys.containsAll(CORE_KEYS)) {
            throw new InvalidPackResultException(
                    "the schema lacks a core key; it must contain " + CORE_KEYS);
        }
        return copy;
    }

    /** A pack returned something the contract forbids. */
    static final class InvalidPackResultException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidPackResultException(String message) {
            super(message);
        }
    }
}
