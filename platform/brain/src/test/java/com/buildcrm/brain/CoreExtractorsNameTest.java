package com.buildcrm.brain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.buildcrm.plugin.api.ExtractionRequest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A stated name in the common Russian/Kazakh-Russian patterns (issue 16): said in passing next to a
 * call request, introduced before or after «меня зовут», «это …», a signature — and the sentences
 * that look alike but name no one (cities, greetings, stage words, thanks).
 */
class CoreExtractorsNameTest {

    private static Object name(String text) {
        return CoreExtractors.extract(new ExtractionRequest(text, Map.of(), null, Map.of()))
                .get(CoreExtractors.NAME);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // between commas or at the end, next to a call request
                "наберите меня, Ержан, сегодня до обеда|Ержан",
                "срочно нужно, позвоните сегодня, Марат, в 15:00|Марат",
                "Можете перезвонить? Сергей|Сергей",
                "перезвоните пожалуйста после 6. Айгерим|Айгерим",
                "Жанар, позвоните завтра утром|Жанар",
                "позвоните мне, Нурсултан, после обеда|Нурсултан",
                "наберите, Ерлан|Ерлан",
                "свяжитесь со мной, Анна-Мария, вечером|Анна-Мария",
                // introductions
                "это Ержан|Ержан",
                "Здравствуйте, это Айгерим, по поводу дома|Айгерим",
                "Ержан меня зовут|Ержан",
                "ержан меня зовут, дом нужен|Ержан",
                "Жанар моё имя|Жанар",
                "меня зовут Ерлан|Ерлан",
                "Здравствуйте! Меня зовут Нурсултан, интересует дом|Нурсултан",
                "я Нурсултан из Астаны|Нурсултан",
                // signatures
                "Интересует дом 8 на 10. С уважением, Айгуль|Айгуль",
                "с уважением Дамир Сейткали|Дамир Сейткали",
                "Best regards, John|John",
            })
    void aStatedNameIsTaken(String text, String expected) {
        assertEquals(expected, name(text));
    }

    @ParameterizedTest(name = "{0} → no name")
    @ValueSource(
            strings = {
                "наберите меня, Алматы, сегодня",
                "позвоните, Здравствуйте",
                "перезвоните, Спасибо",
                "позвоните сегодня, Пожалуйста",
                "можете перезвонить? Срочно",
                "перезвоните завтра. Шымкент",
                "позвоните в понедельник, Новый клиент",
                "Здравствуйте, Айгуль, перезвоните мне",
                "перезвоните после обеда",
                "позвоните мне сегодня в 15:00",
                "можете перезвонить? Завтра",
                "Фундамент уже залит, позвоните. Спасибо",
                "наберите, Караганда, район Юго-Восток",
                "это Алматы",
                "спасибо, перезвоните",
                "дом 10 на 12, позвоните, Понедельник подойдёт",
                "с уважением",
                "перезвоните, Хорошо?",
            })
    void lookAlikesNameNoOne(String text) {
        assertEquals(null, name(text), text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "это Нурсултан|Нурсултан|",
                "я Нурсултан из Астаны|Нурсултан|Астана",
            })
    void aNameThatIsAlsoACityNamesTheClientNotThePlace(String text, String name, String city) {
        Map<String, Object> found =
                CoreExtractors.extract(new ExtractionRequest(text, Map.of(), null, Map.of()));
        assertEquals(name, found.get(CoreExtractors.NAME));
        assertEquals(city, found.get(CoreExtractors.CITY));
    }
}
