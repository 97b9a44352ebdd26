package com.buildcrm.packs.genericsales;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.buildcrm.plugin.api.ExtractionRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The platform guards every pack call with a time limit; the extractor must be fast and total. */
class GenericSalesExtractorRobustnessTest {

    private static final String[] EXPECTED = {
        null, "need", "city", "budget_kzt", "timeline", "name", "preferred_call_time", "unknown_key"
    };
    private static final String ALPHABET =
            "0123456789 ,.-*xх×наокондверьфундаментпроектфото10 12 ?!😊🏠👍\n₸млнтысәіңқ+7()/:";

    private final GenericSalesPack pack = new GenericSalesPack();

    @Test
    void randomGarbageNeverThrowsAndValuesStayInRange() {
        Random random = new Random(42);
        for (int i = 0; i < 1_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int j = 0; j < length; j++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String expected = EXPECTED[random.nextInt(EXPECTED.length)];
            Map<String, Object> found =
                    pack.extract(
                                    new ExtractionRequest(
                                            text.toString(), Map.of(), expected, Map.of()))
                            .values();
            found.forEach(
                    (key, value) ->
                            assertTrue(
                                    pack.qualificationSchema().stream()
                                            .anyMatch(f -> f.key().equals(key)),
                                    key));
            if (found.get("budget_kzt") instanceof java.math.BigDecimal b) {
                assertTrue(b.signum() >= 0, text::toString);
            }
            if (found.get("need") instanceof String need) {
                assertTrue(need.length() <= GenericSalesExtractor.MAX_TEXT, need);
            }
        }
    }

    @Test
    void aVeryLongMessageIsHandledQuickly() {
        String paragraph =
                "Здравствуйте! Нужен ремонт квартиры, бюджет 3,5 млн ₸, в течение месяца,"
                        + " звоните +7 701 123 45 67 после 18:00. ";
        String text = paragraph.repeat(150);
        assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> pack.extract(new ExtractionRequest(text, Map.of(), "need", Map.of())));
    }

    @Test
    void emptyAndBlankMessagesGiveNothing() {
        assertTrue(pack.extract(new ExtractionRequest(null, null, null, null)).values().isEmpty());
        assertTrue(
                pack.extract(new ExtractionRequest("   ", Map.of(), "budget_kzt", Map.of()))
                        .values()
                        .isEmpty());
        assertTrue(
                pack.extract(new ExtractionRequest("😊😊😊", Map.of(), "timeline", Map.of()))
                        .values()
                        .isEmpty());
    }
}
