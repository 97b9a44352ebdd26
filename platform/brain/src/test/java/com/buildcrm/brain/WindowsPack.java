package com.buildcrm.brain;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small test-only pack: plastic windows (city, width, height, installation). */
final class WindowsPack implements IndustryPack {

    static final List<QualificationField> SCHEMA =
            List.of(
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
                            "Из какого вы города?",
                            "Which city are you in?"),
                    new QualificationField(
                            "width_m",
                            FieldType.NUMBER,
                            true,
                            "Ширина окна, м",
                            "Window width, m",
                            "Какая ширина окна в метрах?",
                            "How wide is the window, in metres?",
                            new BigDecimal("0.3"),
                            new BigDecimal("10")),
                    new QualificationField(
                            "height_m",
                            FieldType.NUMBER,
                            true,
                            "Высота окна, м",
                            "Window height, m",
                            "Какая высота окна в метрах?",
                            "How tall is the window, in metres?",
                            new BigDecimal("0.3"),
                            new BigDecimal("10")),
                    new QualificationField(
                            "with_install",
                            FieldType.BOOLEAN,
                            true,
                            "Нужен монтаж",
                            "Installation needed",
                            "Нужен ли монтаж?",
                            "Do you need installation?"),
                    new QualificationField(
                            "preferred_call_time",
                            FieldType.TEXT,
                            false,
                            "Удобное время звонка",
                            "Preferred call time",
                            "Когда вам удобно, чтобы мы позвонили?",
                            "When is it convenient for us to call you?"));

    private static final Pattern SIZE =
            Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*(?:на|х|x)\\s*(\\d+(?:[.,]\\d+)?)");
    private static final Pattern NUMBER =
            Pattern.compile("^(\\d+(?:[.,]\\d+)?)\\s*(?:м|метр[а-я]*)?$");

    @Override
    public PackDescriptor descriptor() {
        return new PackDescriptor("windows", "Окна", "Windows");
    }

    @Override
    public List<QualificationField> qualificationSchema() {
        return SCHEMA;
    }

    @Override
    public Extraction extract(ExtractionRequest request) {
        String n = TextNormalizer.normalize(request.text());
        Map<String, Object> out = new HashMap<>();
        Matcher size = SIZE.matcher(n);
        if (size.find()) {
            out.put("width_m", new BigDecimal(size.group(1).replace(',', '.')));
            out.put("height_m", new BigDecimal(size.group(2).replace(',', '.')));
        } else if (request.expectedField() != null && request.expectedField().endsWith("_m")) {
            Matcher bare = NUMBER.matcher(n);
            if (bare.find()) {
                out.put(request.expectedField(), bare.group(1));
            }
        }
        if (n.contains("без монтажа") || n.contains("без установки")) {
            out.put("with_install", false);
        } else if (n.contains("с монтажом") || n.contains("с установкой")) {
            out.put("with_install", true);
        } else if ("with_install".equals(request.expectedField())) {
            if (n.matches("(да|нужен|конечно).*")) {
                out.put("with_install", "да");
            } else if (n.matches("(нет|не нужен).*")) {
                out.put("with_install", "нет");
            }
        }
        return new Extraction(out);
    }

    @Override
    public List<String> priceMinimumFields() {
        return List.of("width_m", "height_m");
    }

    @Override
    public String industryPrompt(String locale) {
        return "Вы продаёте пластиковые окна.";
    }

    @Override
    public List<Advice> advise(AdviceRequest request) {
        Object city = request.fields().get("city");
        List<Advice> out = new ArrayList<>();
        if ("Алматы".equals(city)) {
            out.add(new Advice("city.almaty", "В Алматы замер бесплатный."));
        } else if (city != null) {
            out.add(new Advice("city.other", "Доставляем по всему Казахстану."));
        }
        out.removeIf(a -> request.alreadyGiven().contains(a.key()));
        return out;
    }

    @Override
    public List<GreetingStep> defaultGreeting(String locale) {
        return List.of(
                GreetingStep.text("Здравствуйте! Окна на заказ. Из какого вы города?"),
                new GreetingStep(
                        GreetingKind.ALBUM, null, List.of(new MediaItem("w1.jpg", "Окно")), null));
    }

    @Override
    public List<FollowUpText> defaultFollowUps(String locale) {
        return List.of(new FollowUpText(15, "Актуально?"), new FollowUpText(60, "Когда удобно?"));
    }

    @Override
    public List<PackSetting> settingsSchema() {
        return List.of(new PackSetting("office", FieldType.TEXT, "Офис", "Office", "ул. Абая 1"));
    }

    @Override
    public Optional<PackMedia> media(String name) {
        return "w1.jpg".equals(name)
                ? Optional.of(new PackMedia(name, "image/jpeg", new byte[] {1}))
                : Optional.empty();
    }
}
