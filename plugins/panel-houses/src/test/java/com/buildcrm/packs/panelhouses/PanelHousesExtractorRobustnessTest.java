package com.buildcrm.packs.panelhouses;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.buildcrm.plugin.api.ExtractionRequest;
import com.buildcrm.testkit.PackContract;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The platform guards every pack call with a time limit; the extractor must be fast and total. */
class PanelHousesExtractorRobustnessTest {

    private final PanelHousesPack pack = new PanelHousesPack();

    @Test
    void randomGarbageNeverThrowsAndValuesStayInRange() {
        // the testkit checks every key and value against the schema; this pack's own checks
        // (written before the testkit had the schema check) stay here
        PackContract.verifyRobustness(
                pack,
                (text, found) -> {
                    if (found.get("height_m") instanceof java.math.BigDecimal h) {
                        assertTrue(h.compareTo(java.math.BigDecimal.TEN) <= 0, text);
                    }
                });
    }

    @Test
    void aVeryLongMessageIsHandledQuickly() {
        String paragraph =
                "Здравствуйте! Дом 10 на 12, высота 3, окон 6, дверей 2, фундамент закроем,"
                        + " проект есть, звоните +7 701 123 45 67 после 18:00. ";
        String text = paragraph.repeat(150);
        assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> pack.extract(new ExtractionRequest(text, Map.of(), "length_m", Map.of())));
    }

    @Test
    void emptyAndBlankMessagesGiveNothing() {
        assertTrue(pack.extract(new ExtractionRequest(null, null, null, null)).values().isEmpty());
        assertTrue(
                pack.extract(new ExtractionRequest("   ", Map.of(), "windows", Map.of()))
                        .values()
                        .isEmpty());
        assertTrue(
                pack.extract(new ExtractionRequest("😊😊😊", Map.of(), "height_m", Map.of()))
                        .values()
                        .isEmpty());
    }
}
