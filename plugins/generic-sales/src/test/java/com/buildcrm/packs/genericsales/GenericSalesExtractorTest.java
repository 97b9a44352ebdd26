package com.buildcrm.packs.genericsales;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.buildcrm.plugin.api.ExtractionRequest;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real-world client messages → what the extractor must find ({@code key=value;…}, {@code -} for
 * nothing). The found keys must match exactly.
 */
class GenericSalesExtractorTest {

    private final GenericSalesPack pack = new GenericSalesPack();

    @ParameterizedTest(name = "[{1}] {0} → {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                // need
                "Здравствуйте! Нужен кондиционер в спальню | null | need=кондиционер в спальню",
                "Интересует ремонт квартиры | null | need=ремонт квартиры",
                "хочу купить холодильник | null | need=холодильник",
                "Хотим заказать мебель на кухню, бюджет до 2 млн | null | need=мебель на кухню;budget_kzt=2000000",
                "нужна консультация по кредиту | null | need=консультация по кредиту",
                "Нужны окна ПВХ в Алматы | null | need=окна ПВХ",
                "ищу трёхкомнатную квартиру | null | need=трёхкомнатную квартиру",
                "добрый день, интересует ваш товар 🙂 | null | need=ваш товар",
                "нужно установить видеонаблюдение срочно | null | need=видеонаблюдение;timeline=срочно",
                "мне нужен ноутбук для учёбы | null | need=ноутбук для учёбы",
                "Хотел бы купить машину до 5 млн | null | need=машину;budget_kzt=5000000",
                "интересуют курсы английского | null | need=курсы английского",
                "кухонный гарнитур | need | need=кухонный гарнитур",
                "Доставка воды в офис | need | need=Доставка воды в офис",
                "Алматы | need | -",
                "да | need | -",
                "сколько стоит? | need | -",
                "хочу узнать цену | null | -",
                "хочу поговорить с менеджером | null | -",
                "ничего не нужно | null | -",
                "здравствуйте | null | -",
                // budget
                "бюджет до 5 млн | null | budget_kzt=5000000",
                "около 500 тыс тенге | null | budget_kzt=500000",
                "3,5 млн ₸ | null | budget_kzt=3500000",
                "5 000 000 | budget_kzt | budget_kzt=5000000",
                "пол миллиона | null | budget_kzt=500000",
                "рассчитываю на 800 тысяч | null | budget_kzt=800000",
                "в пределах 1,2 млн | null | budget_kzt=1200000",
                "от 3 до 5 млн | null | budget_kzt=5000000",
                "1 млн 200 тыс | budget_kzt | budget_kzt=1200000",
                "бюджет пока не знаю | null | -",
                "позвоните +7 701 123 45 67 | null | -",
                "в 2025 году | null | -",
                "300к | budget_kzt | budget_kzt=300000",
                // timeline
                "в течение месяца | null | timeline=в течение месяца",
                "до лета | null | timeline=до лета",
                "срочно! | null | timeline=срочно",
                "в следующем году | null | timeline=в следующем году",
                "через 2 недели | null | timeline=через 2 недели",
                "через пару месяцев | null | timeline=через пару месяцев",
                "к осени | null | timeline=к осени",
                "как можно скорее | null | timeline=как можно скорее",
                "пока просто присматриваюсь | null | timeline=пока просто присматриваюсь",
                "в мае | null | timeline=в мае",
                "как получится | timeline | timeline=как получится",
                "не знаю | timeline | -",
                // mixed
                "Нужен ремонт офиса, бюджет 3 млн, в течение месяца | null | need=ремонт офиса;budget_kzt=3000000;timeline=в течение месяца",
                "Сәлеметсіз бе! керек... нужна мебель, бюджет 700 тыс | null | need=мебель;budget_kzt=700000",
            })
    void extracts(String text, String expectedField, String expected) {
        Map<String, Object> found =
                new TreeMap<>(
                        pack.extract(new ExtractionRequest(text, Map.of(), expectedField, Map.of()))
                                .values());
        assertEquals(parse(expected), normalise(found), () -> text + " → " + found);
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
