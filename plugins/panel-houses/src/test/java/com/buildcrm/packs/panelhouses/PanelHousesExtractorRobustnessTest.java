package com.buildcrm.packs.panelhouses;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.buildcrm.plugin.api.ExtractionRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The platform guards every pack call with a time limit; the extractor must be fast and total. */
class PanelHousesExtractorRobustnessTest {

    private static final String[] EXPECTED = {
        null,
        "city",
        "length_m",
        "width_m",
        "height_m",
        "foundation_closed",
        "windows",
        "doors",
        "has_project",
        "name",
        "preferred_call_time",
        "unknown_key"
    };
    private static final String ALPHABET =
            "0123456789 ,.-*xх×наокондверьфундаментпроектфото10 12 ?!😊🏠👍\n₸млнтысәіңқ+7()/:";

    private final PanelHousesPack pack = new PanelHousesPack();

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
            if (found.get("height_m") instanceof java.math.BigDecimal h) {
                assertTrue(h.compareTo(java.math.BigDecimal.TEN) <= 0, text::toString);
            }
        }
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
