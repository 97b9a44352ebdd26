package com.buildcrm.pack;

import com.buildcrm.plugin.api.FollowUpText;
import com.buildcrm.plugin.api.GreetingStep;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.MediaItem;
import com.buildcrm.plugin.api.PackSetting;
import com.buildcrm.plugin.api.QualificationField;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded pack as {@code GET /api/admin/packs} shows it: what the operator needs to pick a pack
 * and to render its settings form. Greetings and follow-ups are keyed by locale ({@code ru}, {@code
 * en}).
 */
public record PackResponse(
        String id,
        String nameRu,
        String nameEn,
        String version,
        String requires,
        String provider,
        List<FieldResponse> qualificationSchema,
        List<SettingResponse> settingsSchema,
        List<String> priceMinimumFields,
        Map<String, List<GreetingStepResponse>> defaultGreeting,
        Map<String, List<FollowUpResponse>> defaultFollowUps) {

    static final List<String> LOCALES = List.of("ru", "en");

    /** One qualification field. */
    public record FieldResponse(
            String key,
            String type,
            boolean required,
            String labelRu,
            String labelEn,
            String questionRu,
            String questionEn,
            BigDecimal min,
            BigDecimal max) {
        public static FieldResponse of(QualificationField f) {
            return new FieldResponse(
                    f.key(),
                    f.type().name(),
                    f.required(),
                    f.labelRu(),
                    f.labelEn(),
                    f.questionRu(),
                    f.questionEn(),
                    f.min(),
                    f.max());
        }
    }

    /** One setting the operator fills in per tenant. */
    public record SettingResponse(
            String key, String type, String labelRu, String labelEn, String defaultValue) {
        static SettingResponse of(PackSetting s) {
            return new SettingResponse(
                    s.key(), s.type().name(), s.labelRu(), s.labelEn(), s.defaultValue());
        }
    }

    /** One step of the default first-contact chain; media by the pack's bundled names. */
    public record GreetingStepResponse(
            String kind, String text, List<GreetingMediaResponse> media, String url) {
        static GreetingStepResponse of(GreetingStep s) {
            return new GreetingStepResponse(
                    s.kind().name(),
                    s.text(),
                    s.media().stream().map(GreetingMediaResponse::of).toList(),
                    s.url());
        }
    }

    /** A media item of a greeting step. */
    public record GreetingMediaResponse(String name, String caption) {
        static GreetingMediaResponse of(MediaItem m) {
            return new GreetingMediaResponse(m.name(), m.caption());
        }
    }

    /** One default follow-up step. */
    public record FollowUpResponse(int delayMinutes, String text) {
        static FollowUpResponse of(FollowUpText f) {
            return new FollowUpResponse(f.delayMinutes(), f.text());
        }
    }

    /** The view of a pack, read through its guarded wrapper. */
    static PackResponse of(PackInfo info, IndustryPack pack) {
        Map<String, List<GreetingStepResponse>> greeting = new LinkedHashMap<>();
        Map<String, List<FollowUpResponse>> followUps = new LinkedHashMap<>();
        for (String locale : LOCALES) {
            greeting.put(
                    locale,
                    pack.defaultGreeting(locale).stream().map(GreetingStepResponse::of).toList());
            followUps.put(
                    locale,
                    pack.defaultFollowUps(locale).stream().map(FollowUpResponse::of).toList());
        }
        return new PackResponse(
                info.id(),
                info.nameRu(),
                info.nameEn(),
                info.version(),
                info.requires(),
                info.provider(),
                pack.qualificationSchema().stream().map(FieldResponse::of).toList(),
                pack.settingsSchema().stream().map(SettingResponse::of).toList(),
                pack.priceMinimumFields(),
                greeting,
                followUps);
    }
}
