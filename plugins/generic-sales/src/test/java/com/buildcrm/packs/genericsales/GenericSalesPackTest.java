package com.buildcrm.packs.genericsales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.buildcrm.plugin.api.AdviceRequest;
import com.buildcrm.plugin.api.FieldType;
import com.buildcrm.plugin.api.GreetingKind;
import com.buildcrm.plugin.api.GreetingStep;
import com.buildcrm.plugin.api.QualificationField;
import com.buildcrm.testkit.PackContract;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GenericSalesPackTest {

    private final GenericSalesPack pack = new GenericSalesPack();

    @Test
    void followsThePackContract() {
        PackContract.verify(pack);
    }

    @Test
    void collectsTheDocumentedKeys() {
        var schema = pack.qualificationSchema();
        assertEquals(
                List.of("need", "city", "budget_kzt", "timeline", "name", "preferred_call_time"),
                schema.stream().map(QualificationField::key).toList());
        for (QualificationField f : schema) {
            assertEquals(!f.key().equals("preferred_call_time"), f.required(), f.key());
        }
        QualificationField budget = schema.get(2);
        assertEquals(FieldType.NUMBER, budget.type());
        assertEquals(0, budget.min().signum());
        assertEquals("generic-sales", pack.descriptor().id());
    }

    @Test
    void priceNeedsToKnowTheNeed() {
        assertEquals(List.of("need"), pack.priceMinimumFields());
    }

    @Test
    void givesNoIndustryAdvice() {
        assertTrue(
                pack.advise(new AdviceRequest(Map.of("city", "Алматы"), Set.of(), "ru", Map.of()))
                        .isEmpty());
    }

    @Test
    void greetsWithTextAndALink() {
        for (String locale : List.of("ru", "en")) {
            List<GreetingStep> steps = pack.defaultGreeting(locale);
            assertEquals(
                    List.of(GreetingKind.TEXT, GreetingKind.LINK),
                    steps.stream().map(GreetingStep::kind).toList());
            assertEquals(GenericSalesPack.DEFAULT_SITE_URL, steps.get(1).url());
        }
        assertTrue(pack.defaultGreeting("ru").get(0).text().startsWith("Здравствуйте"));
        assertTrue(pack.media("anything.png").isEmpty());
    }

    @Test
    void followUpsAreGenericAndLocalised() {
        assertEquals(
                List.of(15, 45),
                pack.defaultFollowUps("ru").stream().map(f -> f.delayMinutes()).toList());
        assertTrue(pack.defaultFollowUps("ru").get(0).text().contains("актуален"));
        assertTrue(pack.defaultFollowUps("en").get(1).text().startsWith("When"));
    }

    @Test
    void hasASiteSettingWithAPlaceholder() {
        var settings = pack.settingsSchema();
        assertEquals("site_url", settings.get(0).key());
        assertTrue(settings.get(0).labelRu().contains("заглушка"));
    }

    @Test
    void thePromptForbidsInventedPrices() {
        assertTrue(pack.industryPrompt("ru").contains("Не придумывай"));
        assertTrue(pack.industryPrompt("en").contains("Do not invent"));
    }
}
