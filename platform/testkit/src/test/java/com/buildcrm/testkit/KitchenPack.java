package com.buildcrm.testkit;

import com.buildcrm.plugin.api.Advice;
import com.buildcrm.plugin.api.AdviceRequest;
import com.buildcrm.plugin.api.Extraction;
import com.buildcrm.plugin.api.ExtractionRequest;
import com.buildcrm.plugin.api.FieldType;
import com.buildcrm.plugin.api.FollowUpText;
import com.buildcrm.plugin.api.GreetingKind;
import com.buildcrm.plugin.api.GreetingStep;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.MediaItem;
import com.buildcrm.plugin.api.PackDescriptor;
import com.buildcrm.plugin.api.PackMedia;
import com.buildcrm.plugin.api.PackSetting;
import com.buildcrm.plugin.api.QualificationField;
import com.buildcrm.plugin.api.text.TextNormalizer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A tiny test-only pack: kitchens to order (city, length in metres, whether a project exists). */
class KitchenPack implements IndustryPack {

    private static final Pattern LENGTH =
            Pattern.compile(
                    "(\\d+(?:[.,]\\d+)?)\\s*(?:м\\b|метр)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern BARE = Pattern.compile("^(\\d+(?:[.,]\\d+)?)$");

    @Override
    public PackDescriptor descriptor() {
        return new PackDescriptor("kitchens", "Кухни", "Kitchens");
    }

    @Override
    public List<QualificationField> qualificationSchema() {
        return List.of(
                new QualificationField(
                        "name",
                        FieldType.TEXT,
                        false,
                        "Имя",
                        "Name",
                        "Как к вам обращаться?",
                        "How may I address you?"),
                new QualificationField(
                        "city",
                        FieldType.TEXT,
                        true,
                        "Город",
                        "City",
                        "В каком вы городе?",
                        "Which city are you in?"),
                new QualificationField(
                        "length_m",
                        FieldType.NUMBER,
                        true,
                        "Длина кухни, м",
                        "Kitchen length, m",
                        "Какая длина кухни в метрах?",
                        "How long is the kitchen, in metres?",
                        BigDecimal.ONE,
                        BigDecimal.valueOf(20)),
                new QualificationField(
                        "has_project",
                        FieldType.BOOLEAN,
                        false,
                        "Есть проект",
                        "Has a project",
                        "Есть ли у вас проект?",
                        "Do you have a design?"),
                new QualificationField(
                        "preferred_call_time",
                        FieldType.TEXT,
                        false,
                        "Время звонка",
                        "Call time",
                        "Когда вам удобно, чтобы мы позвонили?",
                        "When is it convenient for us to call you?"));
    }

    @Override
    public Extraction extract(ExtractionRequest request) {
        String n = TextNormalizer.normalize(request.text());
        Matcher m = LENGTH.matcher(n);
        if (m.find()) {
            return new Extraction(Map.of("length_m", m.group(1).replace(',', '.')));
        }
        if ("length_m".equals(request.expectedField())) {
            Matcher bare = BARE.matcher(n);
            if (bare.find()) {
                return new Extraction(Map.of("length_m", bare.group(1)));
            }
        }
        return Extraction.none();
    }

    @Override
    public List<String> priceMinimumFields() {
        return List.of("length_m");
    }

    @Override
    public String industryPrompt(String locale) {
        return "ru".equals(locale) ? "Вы продаёте кухни на заказ." : "You sell custom kitchens.";
    }

    @Override
    public List<Advice> advise(AdviceRequest request) {
        if ("Алматы".equals(request.fields().get("city"))
                && !request.alreadyGiven().contains("showroom")) {
            return List.of(
                    new Advice(
                            "showroom",
                            "Приглашаем в шоурум: " + request.settings().get("showroom") + "."));
        }
        return List.of();
    }

    @Override
    public List<GreetingStep> defaultGreeting(String locale) {
        return List.of(
                GreetingStep.text("Здравствуйте! Кухни на заказ."),
                new GreetingStep(
                        GreetingKind.ALBUM, null, List.of(new MediaItem("k1.jpg", "Кухня")), null),
                new GreetingStep(GreetingKind.LINK, "Наш сайт", List.of(), "https://example.kz"));
    }

    @Override
    public List<FollowUpText> defaultFollowUps(String locale) {
        return List.of(new FollowUpText(15, "Актуально?"), new FollowUpText(45, "Когда удобно?"));
    }

    @Override
    public List<PackSetting> settingsSchema() {
        return List.of(
                new PackSetting("showroom", FieldType.TEXT, "Шоурум", "Showroom", "ул. Абая 10"));
    }

    @Override
    public Optional<PackMedia> media(String name) {
        return "k1.jpg".equals(name)
                ? Optional.of(new PackMedia(name, "image/jpeg", new byte[] {1, 2}))
                : Optional.empty();
    }
}
