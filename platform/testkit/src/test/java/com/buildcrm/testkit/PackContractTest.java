package com.buildcrm.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.buildcrm.plugin.api.FieldType;
import com.buildcrm.plugin.api.FollowUpText;
import com.buildcrm.plugin.api.GreetingKind;
import com.buildcrm.plugin.api.GreetingStep;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.MediaItem;
import com.buildcrm.plugin.api.PackSetting;
import com.buildcrm.plugin.api.QualificationField;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackContractTest {

    private static void assertViolation(IndustryPack pack, String fragment) {
        AssertionError e = assertThrows(AssertionError.class, () -> PackContract.verify(pack));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void aCompletePackPasses() {
        assertDoesNotThrow(() -> PackContract.verify(new KitchenPack()));
    }

    @Test
    void missingCoreFieldFails() {
        assertViolation(
                new KitchenPack() {
                    @Override
                    public List<QualificationField> qualificationSchema() {
                        return super.qualificationSchema().stream()
                                .filter(f -> !f.key().equals("preferred_call_time"))
                                .toList();
                    }
                },
                "lacks core field preferred_call_time");
    }

    @Test
    void priceMinimumOutsideTheSchemaFails() {
        assertViolation(
                new KitchenPack() {
                    @Override
                    public List<String> priceMinimumFields() {
                        return List.of("length_m", "colour");
                    }
                },
                "price-minimum field colour");
    }

    @Test
    void emptyGreetingFails() {
        assertViolation(
                new KitchenPack() {
                    @Override
                    public List<GreetingStep> defaultGreeting(String locale) {
                        return "en".equals(locale) ? List.of() : super.defaultGreeting(locale);
                    }
                },
                "defaultGreeting(en) is empty");
    }

    @Test
    void unknownGreetingMediaFails() {
        assertViolation(
                new KitchenPack() {
                    @Override
                    public List<GreetingStep> defaultGreeting(String locale) {
                        return List.of(
                                new GreetingStep(
                                        GreetingKind.ALBUM,
                                        null,
                                        List.of(new MediaItem("missing.jpg", null)),
                                        null));
                    }
                },
                "missing.jpg");
    }

    @Test
    void followUpsMustExistAndIncrease() {
        assertViolation(
                new KitchenPack() {
                    @Override
                    public List<FollowUpText> defaultFollowUps(String locale) {
                        return List.of(new FollowUpText(30, "a"), new FollowUpText(30, "b"));
                    }
                },
                "must increase");
        assertViolation(
                new KitchenPack() {
                    @Override
                    public List<FollowUpText> defaultFollowUps(String locale) {
                        return List.of();
                    }
                },
                "defaultFollowUps(ru) is empty");
    }

    @Test
    void duplicateSettingKeysFail() {
        assertViolation(
                new KitchenPack() {
                    @Override
                    public List<PackSetting> settingsSchema() {
                        PackSetting s = new PackSetting("showroom", FieldType.TEXT, "a", "b", null);
                        return List.of(s, s);
                    }
                },
                "duplicate setting key showroom");
    }

    @Test
    void blankIndustryPromptFails() {
        assertViolation(
                new KitchenPack() {
                    @Override
                    public String industryPrompt(String locale) {
                        return "en".equals(locale) ? " " : "Кухни";
                    }
                },
                "industryPrompt(en) is blank");
    }

    @Test
    void fieldWithoutEnglishQuestionFails() {
        assertViolation(
                new KitchenPack() {
                    @Override
                    public List<QualificationField> qualificationSchema() {
                        var list = new java.util.ArrayList<>(super.qualificationSchema());
                        list.add(
                                new QualificationField(
                                        "colour",
                                        FieldType.TEXT,
                                        false,
                                        "Цвет",
                                        "Colour",
                                        "Цвет?",
                                        ""));
                        return list;
                    }
                },
                "field colour has no questionEn");
    }
}
