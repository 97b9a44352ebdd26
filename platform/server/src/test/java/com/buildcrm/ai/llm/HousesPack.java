package com.buildcrm.ai.llm;

import com.buildcrm.plugin.api.Advice;
import com.buildcrm.plugin.api.AdviceRequest;
import com.buildcrm.plugin.api.Extraction;
import com.buildcrm.plugin.api.ExtractionRequest;
import com.buildcrm.plugin.api.FieldType;
import com.buildcrm.plugin.api.FollowUpText;
import com.buildcrm.plugin.api.GreetingStep;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.PackDescriptor;
import com.buildcrm.plugin.api.PackMedia;
import com.buildcrm.plugin.api.PackSetting;
import com.buildcrm.plugin.api.QualificationField;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** A small pack with one field of each type, for the LLM brain's tests. */
public final class HousesPack implements IndustryPack {

    @Override
    public PackDescriptor descriptor() {
        return new PackDescriptor("houses", "Дома", "Houses");
    }

    @Override
    public List<QualificationField> qualificationSchema() {
        return List.of(
                new QualificationField(
                        "name",
                        FieldType.TEXT,
                        true,
                        "Имя",
                        "Name",
                        "Как вас зовут?",
                        "Your name?"),
                new QualificationField(
                        "city", FieldType.TEXT, true, "Город", "City", "Ваш город?", "Your city?"),
                new QualificationField(
                        "length_m",
                        FieldType.NUMBER,
                        true,
                        "Длина, м",
                        "Length, m",
                        "Какая длина дома?",
                        "How long is the house?",
                        new BigDecimal("3"),
                        new BigDecimal("30")),
                new QualificationField(
                        "windows",
                        FieldType.INTEGER,
                        false,
                        "Окна",
                        "Windows",
                        "Сколько окон?",
                        "How many windows?"),
                new QualificationField(
                        "has_land",
                        FieldType.BOOLEAN,
                        false,
                        "Есть участок",
                        "Has land",
                        "Участок уже есть?",
                        "Do you have land?"),
                new QualificationField(
                        "preferred_call_time",
                        FieldType.TEXT,
                        false,
                        "Время звонка",
                        "Call time",
                        "Когда удобно позвонить?",
                        "When to call?"));
    }

    @Override
    public Extraction extract(ExtractionRequest request) {
        return Extraction.none();
    }

    @Override
    public List<String> priceMinimumFields() {
        return List.of("length_m");
    }

    @Override
    public String industryPrompt(String locale) {
        return "Мы строим дома из СИП-панелей.";
    }

    @Override
    public List<Advice> advise(AdviceRequest request) {
        return List.of();
    }

    @Override
    public List<GreetingStep> defaultGreeting(String locale) {
        return List.of(GreetingStep.text("Здравствуйте!"), GreetingStep.text("Наш каталог"));
    }

    @Override
    public List<FollowUpText> defaultFollowUps(String locale) {
        return List.of();
    }

    @Override
    public List<PackSetting> settingsSchema() {
        return List.of();
    }

    @Override
    public Optional<PackMedia> media(String name) {
        return Optional.empty();
    }
}
