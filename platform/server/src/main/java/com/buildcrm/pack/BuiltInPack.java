package com.buildcrm.pack;

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
import java.util.List;
import java.util.Optional;

/**
 * The last resort when even {@code generic-sales} is missing or failing (a broken packs directory):
 * the three core fields, no extraction, no advice, no defaults. It keeps the AI manager answering
 * instead of failing every turn; the logs say why it is in use.
 */
final class BuiltInPack implements IndustryPack {

    static final BuiltInPack INSTANCE = new BuiltInPack();

    private static final List<QualificationField> SCHEMA =
            List.of(
                    new QualificationField(
                            "name",
                            FieldType.TEXT,
                            true,
                            "Имя",
                            "Name",
                            "Как я могу к вам обращаться?",
                            "How may I address you?"),
                    new QualificationField(
                            "city",
                            FieldType.TEXT,
                            true,
                            "Город",
                            "City",
                            "Подскажите, пожалуйста, из какого вы города?",
                            "Which city are you in?"),
                    new QualificationField(
                            "preferred_call_time",
                            FieldType.TEXT,
                            false,
                            "Удобное время звонка",
                            "Convenient time for a call",
                            "Когда вам удобно принять звонок?",
                            "When is a good time to call you?"));

    private BuiltInPack() {}

    @Override
    public PackDescriptor descriptor() {
        return new PackDescriptor(PackHost.DEFAULT_PACK, "Базовый", "Basic");
    }

    @Override
    public List<QualificationField> qualificationSchema() {
        return SCHEMA;
    }

    @Override
    public Extraction extract(ExtractionRequest request) {
        return Extraction.none();
    }

    @Override
    public List<String> priceMinimumFields() {
        return List.of("city");
    }

    @Override
    public String industryPrompt(String locale) {
        return "";
    }

    @Override
    public List<Advice> advise(AdviceRequest request) {
        return List.of();
    }

    @Override
    public List<GreetingStep> defaultGreeting(String locale) {
        return List.of();
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
