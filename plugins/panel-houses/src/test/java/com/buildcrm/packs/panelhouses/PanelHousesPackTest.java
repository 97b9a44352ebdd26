package com.buildcrm.packs.panelhouses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.buildcrm.plugin.api.Advice;
import com.buildcrm.plugin.api.AdviceRequest;
import com.buildcrm.plugin.api.FieldType;
import com.buildcrm.plugin.api.GreetingKind;
import com.buildcrm.plugin.api.GreetingStep;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.MediaItem;
import com.buildcrm.plugin.api.PackMedia;
import com.buildcrm.plugin.api.PackSetting;
import com.buildcrm.plugin.api.QualificationField;
import com.buildcrm.testkit.PackContract;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PanelHousesPackTest {

    private final PanelHousesPack pack = new PanelHousesPack();

    @Test
    void followsThePackContract() {
        PackContract.verify(pack);
    }

    @Test
    void asksInTheBriefsOrderWithTheDocumentedKeysAndTypes() {
        var schema = pack.qualificationSchema();
        assertEquals(
                List.of(
                        "city",
                        "length_m",
                        "width_m",
                        "height_m",
                        "foundation_closed",
                        "windows",
                        "doors",
                        "has_project",
                        "name",
                        "preferred_call_time"),
                schema.stream().map(QualificationField::key).toList());
        assertEquals(FieldType.INTEGER, field("windows").type());
        assertEquals(FieldType.BOOLEAN, field("foundation_closed").type());
        assertEquals(FieldType.NUMBER, field("length_m").type());
        assertTrue(field("has_project").required());
        assertFalse(field("name").required());
        assertFalse(field("preferred_call_time").required());
        assertEquals(0, field("height_m").max().compareTo(java.math.BigDecimal.TEN));
        assertTrue(field("city").questionRu().startsWith("Подскажите, пожалуйста"));
    }

    @Test
    void theContractRejectsAPackWithoutTheCoreKeys() {
        IndustryPack broken =
                new PanelHousesPack() {
                    @Override
                    public List<QualificationField> qualificationSchema() {
                        return List.of(
                                new QualificationField(
                                        "city",
                                        FieldType.TEXT,
                                        true,
                                        "Город",
                                        "City",
                                        "Город?",
                                        "City?"));
                    }
                };
        assertThrows(AssertionError.class, () -> PackContract.verify(broken));
    }

    @Test
    void priceNeedsCityAndSize() {
        assertEquals(List.of("city", "length_m", "width_m"), pack.priceMinimumFields());
    }

    @Test
    void almatyClientsHearAboutTheWarehouse() {
        for (String city : List.of("Алматы", "алматы", "Алма-Ата", "Almaty", "г. Алматы")) {
            List<Advice> advice = pack.advise(request(city, Set.of(), Map.of()));
            assertEquals(1, advice.size(), city);
            assertEquals("city.almaty", advice.get(0).key());
            assertTrue(advice.get(0).text().contains("склад"), advice.get(0).text());
        }
    }

    @Test
    void theWarehouseAddressIsUsedWhenSet() {
        List<Advice> advice =
                pack.advise(
                        request(
                                "Алматы",
                                Set.of(),
                                Map.of("warehouse_address", "ул. Складская, 5")));
        assertTrue(advice.get(0).text().contains("ул. Складская, 5"));
    }

    @Test
    void otherCitiesHearAboutDeliveryAcrossKazakhstan() {
        for (String city : List.of("Астана", "Шымкент", "Караганда", "Талдыкорган")) {
            List<Advice> advice = pack.advise(request(city, Set.of(), Map.of()));
            assertEquals("city.delivery", advice.get(0).key(), city);
            assertTrue(advice.get(0).text().contains("по всему Казахстану"));
        }
        List<Advice> noted =
                pack.advise(request("Астана", Set.of(), Map.of("delivery_note", "Срок 3–5 дней.")));
        assertTrue(noted.get(0).text().endsWith("Срок 3–5 дней."));
        AdviceRequest en = new AdviceRequest(Map.of("city", "Astana"), Set.of(), "en", Map.of());
        assertTrue(pack.advise(en).get(0).text().contains("all over Kazakhstan"));
    }

    @Test
    void adviceIsGivenOnceAndOnlyWithACity() {
        assertTrue(pack.advise(request("Алматы", Set.of("city.almaty"), Map.of())).isEmpty());
        assertTrue(pack.advise(request("Астана", Set.of("city.delivery"), Map.of())).isEmpty());
        assertTrue(pack.advise(new AdviceRequest(Map.of(), Set.of(), "ru", Map.of())).isEmpty());
        assertTrue(pack.advise(request(" ", Set.of(), Map.of())).isEmpty());
    }

    @Test
    void theGreetingIsTextAlbumLinkWithoutVoice() {
        for (String locale : List.of("ru", "en")) {
            List<GreetingStep> steps = pack.defaultGreeting(locale);
            assertEquals(
                    List.of(GreetingKind.TEXT, GreetingKind.ALBUM, GreetingKind.LINK),
                    steps.stream().map(GreetingStep::kind).toList());
            assertEquals(3, steps.get(1).media().size());
            for (MediaItem item : steps.get(1).media()) {
                assertNotNull(item.caption());
                assertTrue(pack.media(item.name()).isPresent(), item.name());
            }
            assertEquals(PanelHousesPack.DEFAULT_SITE_URL, steps.get(2).url());
        }
        assertTrue(pack.defaultGreeting("ru").get(0).text().startsWith("Здравствуйте"));
        assertEquals(
                "Стеновая сэндвич-панель 150 мм",
                pack.defaultGreeting("ru").get(1).media().get(0).caption());
    }

    @Test
    void albumImagesArePngPicturesDrawnOnceAndCached() throws Exception {
        for (MediaItem item : pack.defaultGreeting("ru").get(1).media()) {
            PackMedia media = pack.media(item.name()).orElseThrow();
            assertEquals("image/png", media.mimeType());
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(media.content()));
            assertEquals(800, image.getWidth());
            assertArrayEquals(media.content(), pack.media(item.name()).orElseThrow().content());
        }
        assertTrue(pack.media("voice.ogg").isEmpty());
        assertTrue(pack.media(null).isEmpty());
    }

    @Test
    void followUpsAskIfStillRelevantThenForACall() {
        var ru = pack.defaultFollowUps("ru");
        assertEquals(15, ru.get(0).delayMinutes());
        assertEquals("Подскажите, пожалуйста, актуален ли ещё вопрос по дому?", ru.get(0).text());
        assertEquals(45, ru.get(1).delayMinutes());
        assertTrue(ru.get(1).text().startsWith("Когда вам удобно созвониться?"));
        assertTrue(pack.defaultFollowUps("en").get(0).text().contains("still"));
    }

    @Test
    void settingsHaveAPlaceholderSiteAndAnEmptyWarehouse() {
        var settings = pack.settingsSchema();
        assertEquals(
                List.of("site_url", "warehouse_address", "delivery_note"),
                settings.stream().map(PackSetting::key).toList());
        assertTrue(settings.get(0).defaultValue().startsWith("https://"));
        assertTrue(settings.get(0).labelEn().contains("placeholder"));
        assertEquals(null, settings.get(1).defaultValue());
    }

    @Test
    void theIndustryPromptNeverPromisesAPriceAndOffersACall() {
        String ru = pack.industryPrompt("ru");
        assertTrue(ru.contains("Никогда не называй"));
        assertTrue(ru.contains("Алматы"));
        assertTrue(ru.contains("звонок"));
        String en = pack.industryPrompt("en");
        assertTrue(en.contains("Never name"));
        assertTrue(en.contains("warehouse"));
    }

    private static AdviceRequest request(String city, Set<String> given, Map<String, String> s) {
        return new AdviceRequest(Map.of("city", city), given, "ru", s);
    }

    private QualificationField field(String key) {
        return pack.qualificationSchema().stream()
                .filter(f -> f.key().equals(key))
                .findFirst()
                .orElseThrow();
    }
}
