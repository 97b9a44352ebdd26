package com.buildcrm.packs.genericsales;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.buildcrm.plugin.api.ExtractionRequest;
import com.buildcrm.testkit.PackContract;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The platform guards every pack call with a time limit; the extractor must be fast and total. */
class GenericSalesExtractorRobustnessTest {

    private final GenericSalesPack pack = new GenericSalesPack();

    @Test
    void randomGarbageNeverThrowsAndValuesStayInRange() {
        // the testkit checks every key and value against the schema; this pack's own checks
        // (written before the testkit had the schema check) stay here
        PackContract.verifyRobustness(
                pack,
                (text, found) -> {
                    if (found.get("budget_kzt") instanceof java.math.BigDecimal b) {
                        assertTrue(b.signum() >= 0, text);
                    }
                    if (found.get("need") instanceof String need) {
                        assertTrue(need.length() <= GenericSalesExtractor.MAX_TEXT, need);
                    }
                });
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
