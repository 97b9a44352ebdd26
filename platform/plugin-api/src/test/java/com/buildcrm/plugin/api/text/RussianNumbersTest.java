package com.buildcrm.plugin.api.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RussianNumbersTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "12 | 12",
                "10,5 | 10.5",
                "2.7 | 2.7",
                "потолки 2,7 м | 2.7",
                "десять | 10",
                "двенадцать | 12",
                "двенацать | 12",
                "двадцать пять | 25",
                "полтора | 1.5",
                "полторы | 1.5",
                "два с половиной | 2.5",
                "3 с половиной | 3.5",
                "сто двадцать | 120",
                "сто | 100",
                "одна | 1",
                "две | 2",
                "одно окно | 1",
                "трёх | 3",
                "пятнадцати метров | 15",
                "ноль | 0",
                "сорок два | 42",
                "девятьсот девяносто девять | 999",
                "где-то 3 метра | 3",
                "3м | 3",
                "штук 5 | 5",
                "5 000 000 | 5000000",
                "1.500.000 | 1500000",
            })
    void readsOneNumber(String text, String expected) {
        assertEquals(
                0,
                new BigDecimal(expected).compareTo(RussianNumbers.parseNumber(text).orElseThrow()),
                () -> text + " → " + RussianNumbers.numbersIn(text));
    }

    @Test
    void findsNumbersInOrder() {
        assertEquals(List.of(bd("10"), bd("12")), RussianNumbers.numbersIn("10 на 12"));
        assertEquals(List.of(bd("10"), bd("12")), RussianNumbers.numbersIn("10х12"));
        assertEquals(List.of(bd("10"), bd("12")), RussianNumbers.numbersIn("10x12"));
        assertEquals(List.of(bd("10"), bd("12")), RussianNumbers.numbersIn("10*12"));
        assertEquals(List.of(bd("12"), bd("9"), bd("3")), RussianNumbers.numbersIn("12 x 9 x 3"));
        assertEquals(List.of(bd("10"), bd("12")), RussianNumbers.numbersIn("десять на двенадцать"));
        assertEquals(List.of(bd("6"), bd("2")), RussianNumbers.numbersIn("окон 6, дверей 2"));
        assertEquals(List.of(bd("10.5"), bd("8")), RussianNumbers.numbersIn("10,5 на 8 🏠"));
        assertEquals(List.of(bd("1"), bd("4")), RussianNumbers.numbersIn("дверь одна, окон 4"));
    }

    @Test
    void ignoresPhonesClockTimesAndDates() {
        assertTrue(RussianNumbers.numbersIn("мой номер +7 701 123 45 67").isEmpty());
        assertTrue(RussianNumbers.numbersIn("звоните 87011234567").isEmpty());
        assertTrue(RussianNumbers.numbersIn("8 (701) 123-45-67").isEmpty());
        assertTrue(RussianNumbers.numbersIn("в 15:00").isEmpty());
        assertTrue(RussianNumbers.numbersIn("12.06.2025").isEmpty());
        assertEquals(
                List.of(bd("8"), bd("10")), RussianNumbers.numbersIn("8 на 10, тел 87771234567"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "5 млн | 5000000",
                "бюджет до 5 млн | 5000000",
                "5 000 000 | 5000000",
                "500 тыс | 500000",
                "500 тысяч тенге | 500000",
                "около 500 тыс тенге | 500000",
                "500к | 500000",
                "пол миллиона | 500000",
                "полмиллиона | 500000",
                "3,5 млн тенге | 3500000",
                "3,5 млн ₸ | 3500000",
                "3 500 000 ₸ | 3500000",
                "₸ 2 000 000 | 2000000",
                "от 3 до 5 млн | 5000000",
                "1 млн 200 тыс | 1200000",
                "пять миллионов | 5000000",
                "два миллиона | 2000000",
                "миллион | 1000000",
                "полтора миллиона | 1500000",
                "два с половиной ляма | 2500000",
                "800 тенге | 800",
                "1.500.000 тг | 1500000",
                "сто двадцать тысяч | 120000",
                "10 млн, а квартира 3 комнаты | 10000000",
            })
    void readsMoney(String text, String expected) {
        assertEquals(
                0,
                new BigDecimal(expected).compareTo(RussianNumbers.parseMoney(text).orElseThrow()),
                () -> text + " → " + RussianNumbers.parseMoney(text));
    }

    @Test
    void noMoneyWithoutAnAmount() {
        assertTrue(RussianNumbers.parseMoney("бюджет пока не знаю").isEmpty());
        assertTrue(RussianNumbers.parseMoney("3 комнаты").isEmpty());
        assertTrue(RussianNumbers.parseMoney("позвоните +7 701 123 45 67").isEmpty());
    }

    @Test
    void matchesPointIntoThePreparedText() {
        String text = RussianNumbers.prepare("Окон 6 и 2 двери 🙂");
        List<NumberMatch> ms = RussianNumbers.matches(text);
        assertEquals(2, ms.size());
        assertEquals("6", text.substring(ms.get(0).start(), ms.get(0).end()));
        assertTrue(text.substring(ms.get(1).end()).strip().startsWith("двери"));
        assertTrue(RussianNumbers.matches(RussianNumbers.prepare("5 млн")).get(0).scaled());
        assertTrue(RussianNumbers.matches(RussianNumbers.prepare("пять")).get(0).words());
    }

    @Test
    void aTimesSignBetweenNumberWordsSeparatesThem() {
        assertEquals("восемь х десять", RussianNumbers.prepare("восемь×десять"));
        assertEquals("восемь х десять", RussianNumbers.prepare("Восемь*десять"));
        assertEquals("10 х 12", RussianNumbers.prepare("10*12"));
        assertEquals(
                List.of(BigDecimal.valueOf(8), BigDecimal.TEN),
                RussianNumbers.numbersIn("восемь×десять"));
    }

    @Test
    void emptyAndNullAreSafe() {
        assertTrue(RussianNumbers.numbersIn(null).isEmpty());
        assertTrue(RussianNumbers.numbersIn("").isEmpty());
        assertTrue(RussianNumbers.numbersIn("здравствуйте 😊").isEmpty());
        assertTrue(RussianNumbers.parseNumber("нет").isEmpty());
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }
}
