package com.buildcrm.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.buildcrm.plugin.api.Extraction;
import com.buildcrm.plugin.api.ExtractionRequest;
import com.buildcrm.plugin.api.IndustryPack;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PackRobustnessTest {

    private static void assertViolation(IndustryPack pack, String fragment) {
        AssertionError e =
                assertThrows(
                        AssertionError.class,
                        () -> PackContract.verifyRobustness(pack, (text, values) -> {}));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    /** {@link KitchenPack} keeping only lengths its schema accepts (1 to 20 m). */
    private static class SoundKitchenPack extends KitchenPack {
        @Override
        public Extraction extract(ExtractionRequest request) {
            Map<String, Object> values = super.extract(request).values();
            if (values.get("length_m") instanceof String s
                    && new BigDecimal(s).compareTo(BigDecimal.ONE) >= 0
                    && new BigDecimal(s).compareTo(BigDecimal.valueOf(20)) <= 0) {
                return new Extraction(values);
            }
            return Extraction.none();
        }
    }

    @Test
    void aSoundExtractorPasses() {
        assertDoesNotThrow(
                () -> PackContract.verifyRobustness(new SoundKitchenPack(), (text, values) -> {}));
    }

    @Test
    void anExtractorThatKeepsANumberOutsideTheFieldsRangeFails() {
        // the unfiltered fixture reads "31 м" as a 31 m kitchen; the schema allows 1 to 20
        assertViolation(new KitchenPack(), "is above the maximum 20");
    }

    @Test
    void everyMessageReachesThePackChecksAndEveryFieldIsAsked() {
        AtomicInteger calls = new AtomicInteger();
        Set<String> asked = new HashSet<>();
        PackContract.verifyRobustness(
                new SoundKitchenPack() {
                    @Override
                    public Extraction extract(ExtractionRequest request) {
                        asked.add(String.valueOf(request.expectedField()));
                        return super.extract(request);
                    }
                },
                (text, values) -> calls.incrementAndGet());
        assertEquals(PackContract.ROBUSTNESS_ROUNDS, calls.get());
        assertEquals(
                Set.of(
                        "null",
                        "name",
                        "city",
                        "length_m",
                        "has_project",
                        "preferred_call_time",
                        "unknown_key"),
                asked);
    }

    @Test
    void aFailingPackCheckFails() {
        AssertionError e =
                assertThrows(
                        AssertionError.class,
                        () ->
                                PackContract.verifyRobustness(
                                        new SoundKitchenPack(),
                                        (text, values) -> {
                                            throw new AssertionError("pack check: " + text);
                                        }));
        assertTrue(e.getMessage().startsWith("pack check: "), e.getMessage());
    }

    @Test
    void aKeyOutsideTheSchemaFails() {
        assertViolation(
                new KitchenPack() {
                    @Override
                    public Extraction extract(ExtractionRequest request) {
                        return new Extraction(Map.of("colour", "white"));
                    }
                },
                "extracted key colour is not in the schema");
    }

    @Test
    void aNumberAboveTheFieldsMaximumFails() {
        assertViolation(
                new KitchenPack() {
                    @Override
                    public Extraction extract(ExtractionRequest request) {
                        return new Extraction(Map.of("length_m", "25"));
                    }
                },
                "length_m = 25 does not fit");
    }

    @Test
    void aBlankTextFails() {
        assertViolation(
                new KitchenPack() {
                    @Override
                    public Extraction extract(ExtractionRequest request) {
                        return new Extraction(Map.of("city", " "));
                    }
                },
                "city =   does not fit");
    }

    @Test
    void anExtractorThatThrowsFails() {
        assertViolation(
                new KitchenPack() {
                    @Override
                    public Extraction extract(ExtractionRequest request) {
                        throw new IllegalStateException("boom");
                    }
                },
                "extract threw java.lang.IllegalStateException: boom");
    }
}
