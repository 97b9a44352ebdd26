package com.buildcrm.brain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.buildcrm.plugin.api.ExtractionRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoreExtractorsTest {

    private static Map<String, Object> extract(String text, String asked) {
        return CoreExtractors.extract(new ExtractionRequest(text, Map.of(), asked, Map.of()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "мы из Алматы|Алматы",
                "Алма-Ата|Алматы",
                "алмата|Алматы",
                "г. Алматы|Алматы",
                "almaty|Алматы",
                "из Астаны|Астана",
                "Нур-Султан|Астана",
                "нурсултан|Астана",
                "Акмола|Астана",
                "живём в Шымкенте|Шымкент",
                "Чимкент|Шымкент",
                "в Караганде|Караганда",
                "Қарағанды|Караганда",
                "Актюбинск|Актобе",
                "в Таразе|Тараз",
                "Павлодар|Павлодар",
                "Өскемен|Усть-Каменогорск",
                "в Усть-Каменогорске|Усть-Каменогорск",
                "Семипалатинск|Семей",
                "из Семея|Семей",
                "Атырау|Атырау",
                "Костанай|Костанай",
                "в Кызылорде|Кызылорда",
                "живу в Орал|Уральск",
                "по Шымкенту доставка есть?|Шымкент",
                "Петропавловск|Петропавловск",
                "Актау|Актау",
                "Темиртау|Темиртау",
                "в Туркестане|Туркестан",
                "Кокшетау|Кокшетау",
                "Талдыкорган|Талдыкорган",
                "Экибастуз|Экибастуз",
                "Жезказган|Жезказган",
                "Капчагай|Конаев",
                "в Конаеве|Конаев",
                "Каскелен|Каскелен",
                "Талгар|Талгар",
                "из Есика|Есик",
                "Алматыда тұрамын|Алматы",
                "Астанадан жазып отырмын|Астана",
                "Шымкентке жеткізу бар ма|Шымкент"
            })
    void knownCitiesAreCanonical(String text, String city) {
        assertEquals(city, extract(text, null).get("city"), text);
    }

    @Test
    void villageOrRegionIsTakenAsWrittenWhenCityWasAsked() {
        assertEquals("с. Узынагаш", extract("с. Узынагаш", "city").get("city"));
        assertEquals("Алматинская область", extract("Алматинская область", "city").get("city"));
        assertEquals("Узынагаш", extract("узынагаш", "city").get("city"));
        assertNull(extract("с. Узынагаш", null).get("city"));
        assertNull(extract("да", "city").get("city"));
        assertNull(extract("[image]", "city").get("city"));
    }

    @Test
    void withoutBareAnswersOnlyWhatIsNamedPlainlyIsTaken() {
        Map<String, Object> question =
                CoreExtractors.extract(
                        new ExtractionRequest("Есть ли рассрочка?", Map.of(), "city", Map.of()),
                        false);
        assertNull(question.get("city"));
        assertEquals("Есть ли рассрочка", extract("Есть ли рассрочка?", "city").get("city"));
        Map<String, Object> plain =
                CoreExtractors.extract(
                        new ExtractionRequest(
                                "а в Алматы замер бесплатный?", Map.of(), "city", Map.of()),
                        false);
        assertEquals("Алматы", plain.get("city"));
        Map<String, Object> time =
                CoreExtractors.extract(
                        new ExtractionRequest(
                                "можно завтра в 10?", Map.of(), "preferred_call_time", Map.of()),
                        false);
        assertEquals("завтра в 10", time.get("preferred_call_time"));
        assertNull(
                CoreExtractors.extract(
                                new ExtractionRequest(
                                        "Девушка, а рассрочка есть?", Map.of(), "name", Map.of()),
                                false)
                        .get("name"));
    }

    @Test
    void citiesThatAreAlsoWordsNeedContext() {
        assertNull(extract("2 есик и 5 терезе", null).get("city"));
        assertNull(extract("дом для больших семей", null).get("city"));
        assertEquals("Есик", extract("мы в Есике", null).get("city"));
        assertEquals("Есик", extract("Есик", "city").get("city"));
        assertEquals("Семей", extract("г. Семей", null).get("city"));
        assertEquals("Уральск", extract("Орал", "city").get("city"));
    }

    @Test
    void talgarDistrictIsNotTheTownOfTalgar() {
        assertEquals("Талгарский район", extract("Талгарский район", "city").get("city"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "меня зовут Ержан|Ержан",
                "Меня зовут айгуль, хочу дом|Айгуль",
                "я Айгуль|Айгуль",
                "Это Марат, по поводу дома|Марат",
                "my name is John|John",
                "МЕНЯ ЗОВУТ ДАНИЯР|Данияр"
            })
    void namesAreFound(String text, String name) {
        assertEquals(name, extract(text, null).get("name"), text);
    }

    @Test
    void bareNameOnlyWhenNameWasAsked() {
        assertEquals("Ержан", extract("Ержан", "name").get("name"));
        assertEquals("Ержан", extract("ержан 🙂", "name").get("name"));
        assertNull(extract("Ержан", null).get("name"));
    }

    @Test
    void nameAndTimeInOneAnswerToTheNameQuestion() {
        Map<String, Object> found = extract("Ержан, завтра в 10", "name");
        assertEquals("Ержан", found.get("name"));
        assertEquals("завтра в 10", found.get("preferred_call_time"));
    }

    @Test
    void obviousNonNamesAreRejected() {
        assertNull(extract("я хочу дом", null).get("name"));
        assertNull(extract("я из Алматы", null).get("name"));
        assertNull(extract("да", "name").get("name"));
        assertNull(extract("Алматы", "name").get("name"));
        assertNull(extract("сколько стоит", "name").get("name"));
        assertNull(extract("10 на 12 метров дом хочу", "name").get("name"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "завтра в 10|завтра в 10",
                "Давайте после обеда|после обеда",
                "вечером после 18:00|вечером после 18:00",
                "в любое время|в любое время",
                "в субботу утром|в субботу утром",
                "через час|через час",
                "ну наверное часов в 5|часов в 5"
            })
    void callTimeKeepsTheClientsWording(String text, String time) {
        assertEquals(time, extract(text, "preferred_call_time").get("preferred_call_time"));
    }

    @Test
    void callTimeWithCallWishEvenWhenNotAsked() {
        assertEquals(
                "завтра в 10", extract("Позвоните завтра в 10", null).get("preferred_call_time"));
        assertFalse(
                extract("завтра поеду смотреть участок", null).containsKey("preferred_call_time"));
    }
}
