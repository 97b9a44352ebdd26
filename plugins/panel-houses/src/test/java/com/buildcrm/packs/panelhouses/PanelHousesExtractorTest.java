package com.buildcrm.packs.panelhouses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.buildcrm.plugin.api.ExtractionRequest;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real-world client messages → what the extractor must find. Expected values are written as {@code
 * key=value;key=value} ({@code -} for nothing); the found keys must match exactly, so a phone
 * number read as a size fails the test.
 */
class PanelHousesExtractorTest {

    private final PanelHousesPack pack = new PanelHousesPack();

    @ParameterizedTest(name = "[{1}] {0} → {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                // sizes: separators
                "Здравствуйте! Интересует дом 10 на 12 | null | length_m=10;width_m=12",
                "10х12 | null | length_m=10;width_m=12",
                "10x12 | null | length_m=10;width_m=12",
                "10*12 | null | length_m=10;width_m=12",
                "10 × 12 | null | length_m=10;width_m=12",
                "12 x 9 x 3 | null | length_m=12;width_m=9;height_m=3",
                "10 на 12 на 3 | null | length_m=10;width_m=12;height_m=3",
                "дом 8 на 10 метров | null | length_m=8;width_m=10",
                "10 на 12 м | null | length_m=10;width_m=12",
                "10м на 12м | null | length_m=10;width_m=12",
                "десять на двенадцать | null | length_m=10;width_m=12",
                "восемь на десять, высота три | null | length_m=8;width_m=10;height_m=3",
                "10,5 на 8 | null | length_m=10.5;width_m=8",
                "9.5х7.5 | null | length_m=9.5;width_m=7.5",
                "Дом 6 на 8 🏡🏡 | null | length_m=6;width_m=8",
                "примерно 10 на 12 , может чуть больше | null | length_m=10;width_m=12",
                // sizes: labels
                "длина 14 ширина 8 | null | length_m=14;width_m=8",
                "ширина 8, длина 14 | null | length_m=14;width_m=8",
                "длина - 14 м, ширина - 8 м | null | length_m=14;width_m=8",
                "высота 3 | null | height_m=3",
                "потолки 2,7 | null | height_m=2.7",
                "высота стен 2.8 м | null | height_m=2.8",
                "14 в длину и 8 в ширину | null | length_m=14;width_m=8",
                "10 на 12, высота 3 метра | null | length_m=10;width_m=12;height_m=3",
                "высота 270 см | null | height_m=2.7",
                // bare answers to the question asked
                "12 | length_m | length_m=12",
                "12 | width_m | width_m=12",
                "3 метра | height_m | height_m=3",
                "где-то 3 метра | height_m | height_m=3",
                "два с половиной | height_m | height_m=2.5",
                "Три | height_m | height_m=3",
                "10 12 | length_m | length_m=10;width_m=12",
                "штук 5 | windows | windows=5",
                "5 | windows | windows=5",
                "пять | windows | windows=5",
                "одна | doors | doors=1",
                "2 штуки | doors | doors=2",
                // windows and doors
                "окон 6, дверей 2 | null | windows=6;doors=2",
                "6 окон и 2 двери | null | windows=6;doors=2",
                "дверь одна | null | doors=1",
                "окна 4 и дверь | null | windows=4;doors=1",
                "дверь одна, окон 4 | null | windows=4;doors=1",
                "шесть окон, две двери | null | windows=6;doors=2",
                "10 на 12 окон 6 | null | length_m=10;width_m=12;windows=6",
                "окон 8 шт двери 3 шт | null | windows=8;doors=3",
                // foundation
                "фундамент закроем | null | foundation_closed=true",
                "цоколь закрывать не будем | null | foundation_closed=false",
                "фундамент закрывать не нужно | null | foundation_closed=false",
                "да, фундамент будем закрывать | null | foundation_closed=true",
                "да | foundation_closed | foundation_closed=true",
                "нет | foundation_closed | foundation_closed=false",
                "будем закрывать | foundation_closed | foundation_closed=true",
                "не будем | foundation_closed | foundation_closed=false",
                "пока не знаю | foundation_closed | -",
                "а это обязательно? | foundation_closed | -",
                "да, а сколько это стоит? | foundation_closed | foundation_closed=true",
                "а у вас есть проекты? | has_project | -",
                // project
                "есть проект | null | has_project=true",
                "проекта нет, есть фото | null | has_project=true",
                "проекта нет | null | has_project=false",
                "нет ни проекта ни фото | null | has_project=false",
                "пришлю фото | null | has_project=true",
                "нужен проект | null | has_project=false",
                "а фото готовых домов есть? | null | -",
                "нет | has_project | has_project=false",
                "есть | has_project | has_project=true",
                "[image] | has_project | has_project=true",
                "жоқ | has_project | has_project=false",
                "проект бар | null | has_project=true",
                // Kazakh-Russian mix, typos, emoji
                "Сәлеметсіз бе! үй керек 10 на 12 😊 | null | length_m=10;width_m=12",
                "здраствуйте дом 8на10 надо | null | length_m=8;width_m=10",
                "👍👍 10 х 12 🔥 | null | length_m=10;width_m=12",
                "иә | foundation_closed | foundation_closed=true",
                "размер 10 12 | null | length_m=10;width_m=12",
                "8 м шириной и 12 м длиной | null | length_m=12;width_m=8",
                "Талдыкорган, 10на12, h=3 | null | length_m=10;width_m=12;height_m=3",
                "пятнадцать на восемь и высота два семьдесят | null | length_m=15;width_m=8;height_m=2.7",
                "нужен дом 6х9, 2 окна 1 дверь | null | length_m=6;width_m=9;windows=2;doors=1",
                "12 на 8, потолок 3м, фундамент закрываем, окон 5, 2 двери, фото пришлю | null | length_m=12;width_m=8;height_m=3;foundation_closed=true;windows=5;doors=2;has_project=true",
                "10 окон | doors | windows=10",
                "окна не знаю пока | windows | -",
                "хочу как на фото у вас | null | -",
                "можете сделать проект? | null | -",
                "фундамент сами сделаем | null | -",
                // things that are not sizes
                "звоните с 9 до 18 | length_m | -",
                "через 2 недели хотим начать | length_m | -",
                "дом 10 на 12 за 5 млн реально? | null | length_m=10;width_m=12",
                "Мой номер +7 701 123 45 67 | null | -",
                "звоните 87011234567 | length_m | -",
                "бюджет 5 млн | null | -",
                "5 000 000 тенге | length_m | -",
                "приеду 15 июня | null | -",
                "12.06.2025 | length_m | -",
                "позвоните после 6 | windows | -",
                "в 15:00 удобно | null | -",
                "дом в 2 этажа | height_m | -",
                "участок 10 соток | length_m | -",
                "100 квадратов | length_m | -",
                "здравствуйте | null | -",
                "сколько стоит? | null | -",
                "120 на 300 | null | -",
            })
    void extracts(String text, String expectedField, String expected) {
        Map<String, Object> found =
                new TreeMap<>(
                        pack.extract(new ExtractionRequest(text, Map.of(), expectedField, Map.of()))
                                .values());
        assertEquals(parse(expected), normalise(found), () -> text + " → " + found);
    }

    /**
     * Transcripts of voice notes (ADR 033, 037): speech-to-text writes the numbers as words, with
     * its own punctuation and capitals. Sizes said aloud are the same sizes as typed ones.
     */
    @ParameterizedTest(name = "[{1}] {0} → {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "Восемь на десять. | null | length_m=8;width_m=10",
                "Здравствуйте. Нас интересует дом восемь на десять. | null | length_m=8;width_m=10",
                "Дом восемь на двенадцать метров. | null | length_m=8;width_m=12",
                "Шесть на девять. | null | length_m=6;width_m=9",
                "Нужен дом шесть на девять, один этаж. | null | length_m=6;width_m=9",
                "Добрый день, хотим дом девять на двенадцать, в Астане. | null | length_m=9;width_m=12",
                "Одиннадцать на четырнадцать. | null | length_m=11;width_m=14",
                "Двадцать пять на тридцать. | null | length_m=25;width_m=30",
                "Восемь на восемь. | null | length_m=8;width_m=8",
                "Семь с половиной на девять. | null | length_m=7.5;width_m=9",
                "Дом восемь метров на десять. | null | length_m=8;width_m=10",
                "Дом размером восемь на десять метров. | null | length_m=8;width_m=10",
                "Десять на двенадцать на три. | null | length_m=10;width_m=12;height_m=3",
                "Восемь х десять. | null | length_m=8;width_m=10",
                "восемь x десять | null | length_m=8;width_m=10",
                "восемь×десять | null | length_m=8;width_m=10",
                "восемь*десять | null | length_m=8;width_m=10",
                "Двенадцать на восемь, высота потолков два семьдесят. | null | length_m=12;width_m=8;height_m=2.7",
                "Ширина восемь, длина двенадцать. | null | length_m=12;width_m=8",
                "Длина двенадцать метров, ширина восемь метров. | null | length_m=12;width_m=8",
                "Дом восемь на десять, окон шесть, дверей две. | null | length_m=8;width_m=10;windows=6;doors=2",
                "Ну, где-то девять на одиннадцать, наверное. | null | length_m=9;width_m=11",
                "Восемь. | length_m | length_m=8",
                "Три метра. | height_m | height_m=3",
                "Перезвоните мне в восемь, пожалуйста. | length_m | -",
                "Позвоните после шести. | null | -",
                "Бюджет восемь миллионов. | null | -",
            })
    void spokenSizesFromVoiceTranscripts(String text, String expectedField, String expected) {
        extracts(text, expectedField, expected);
    }

    /**
     * Answers to a different question than the one asked (issue 16): nothing is stored for the
     * asked key and it is reported unclear, so the AI asks again in other words instead of
     * guessing.
     */
    @ParameterizedTest(name = "[{1}] {0} → {2}, unclear {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                // the foundation itself, not whether the plinth is closed with panels
                "Фундамент уже залит | foundation_closed | - | foundation_closed",
                "фундамент уже залит | null | - | foundation_closed",
                "фундамент есть | foundation_closed | - | foundation_closed",
                "Фундамент готов | foundation_closed | - | foundation_closed",
                "фундамент будет ленточный | foundation_closed | - | foundation_closed",
                "фундамента пока нет | foundation_closed | - | foundation_closed",
                "Фундамент нужен | foundation_closed | - | foundation_closed",
                "уже залили | foundation_closed | - | foundation_closed",
                "ленточный | foundation_closed | - | foundation_closed",
                "на сваях | foundation_closed | - | foundation_closed",
                // ...while a closing answer next to it is still understood
                "фундамент уже залит, цоколь закроем панелями | null | foundation_closed=true | -",
                "фундамент готов, закрывать не будем | foundation_closed | foundation_closed=false | -",
                "фундамент закроем | foundation_closed | foundation_closed=true | -",
                "да | foundation_closed | foundation_closed=true | -",
                // the size of a window or a door, not how many
                "окна 1,5 на 1,2 | windows | - | windows",
                "окно размером 2 на 2 | windows | - | windows",
                "дверь 90 на 200 см | doors | - | doors",
                "1,5 на 1,2 окна | null | - | windows",
                "дом 10 на 12, окон 6 | null | length_m=10;width_m=12;windows=6 | -",
                // photos of the plot or the foundation, not of the house wanted
                "фото участка скину | has_project | - | has_project",
                "могу скинуть фото фундамента | has_project | - | has_project",
                "скину фото дома который нравится | has_project | has_project=true | -",
                "[image] фото участка | has_project | has_project=true | -",
            })
    void answersToAnotherQuestionAreUnclear(
            String text, String expectedField, String expected, String unclear) {
        var extraction =
                pack.extract(new ExtractionRequest(text, Map.of(), expectedField, Map.of()));
        assertEquals(
                parse(expected),
                normalise(new TreeMap<>(extraction.values())),
                () -> text + " → " + extraction);
        assertEquals(
                unclear.equals("-") ? java.util.Set.of() : java.util.Set.of(unclear.split(";")),
                extraction.unclear(),
                () -> text + " → " + extraction);
    }

    private static Map<String, String> parse(String expected) {
        Map<String, String> out = new TreeMap<>();
        if (expected.equals("-")) {
            return out;
        }
        for (String pair : expected.split(";")) {
            String[] kv = pair.split("=");
            out.put(kv[0].strip(), kv[1].strip());
        }
        return out;
    }

    private static Map<String, String> normalise(Map<String, Object> found) {
        Map<String, String> out = new TreeMap<>();
        found.forEach(
                (k, v) ->
                        out.put(
                                k,
                                v instanceof BigDecimal d
                                        ? d.stripTrailingZeros().toPlainString()
                                        : String.valueOf(v)));
        return out;
    }
}
