package com.buildcrm.brain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.buildcrm.brain.Intents.Intent;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntentsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "позвоните",
                "Перезвоните мне пожалуйста",
                "можно созвониться?",
                "наберите меня",
                "жду звонка 🙏",
                "call me",
                "Удобнее по телефону",
                "лучше голосом обсудить",
                "можно поговорить?",
                "есть номер куда позвонить?",
                "қоңырау шалыңыз",
                "позвонитеее мне завтра",
                "пусть менеджер перезвонит"
            })
    void callWantedExplicitAndHinted(String text) {
        assertTrue(Intents.detect(text).contains(Intent.CALL_WANTED), text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "не надо звонить",
                "звонить не нужно, пишите сюда",
                "Не звоните мне, я на работе",
                "не могу сейчас говорить",
                "don't call me",
                "без звонков пожалуйста"
            })
    void negatedCallIsNotACallWish(String text) {
        assertFalse(Intents.detect(text).contains(Intent.CALL_WANTED), text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "сколько стоит",
                "Цена?",
                "почем дом 10 на 12",
                "почём",
                "какая стоимость",
                "скиньте прайс",
                "что по деньгам",
                "бағасы қанша",
                "how much?",
                "скока стоит такой"
            })
    void priceAsked(String text) {
        assertTrue(Intents.detect(text).contains(Intent.PRICE_ASKED), text);
    }

    @Test
    void priceNotDetectedInOrdinaryNumbers() {
        assertFalse(Intents.detect("сколько окон нужно? 5").contains(Intent.PRICE_ASKED));
        assertFalse(Intents.detect("дом 10 на 12").contains(Intent.PRICE_ASKED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"просто скажите цену", "Назовите цену!", "ну сколько?"})
    void priceInsisted(String text) {
        Set<Intent> found = Intents.detect(text);
        assertTrue(found.contains(Intent.PRICE_INSISTED), text);
        assertTrue(found.contains(Intent.PRICE_ASKED), text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "не интересно",
                "Уже не актуально",
                "мы уже купили",
                "передумали",
                "не надо спасибо",
                "больше не пишите",
                "Неинтересно 👎",
                "not interested"
            })
    void notInterested(String text) {
        assertTrue(Intents.detect(text).contains(Intent.NOT_INTERESTED), text);
    }

    @Test
    void callRefusalIsNotDisinterest() {
        assertFalse(
                Intents.detect("звонить не нужно, пишите сюда").contains(Intent.NOT_INTERESTED));
        assertFalse(Intents.detect("мне не нужно звонить").contains(Intent.NOT_INTERESTED));
        assertFalse(Intents.detect("интересно, расскажите").contains(Intent.NOT_INTERESTED));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "хочу поговорить с человеком",
                "вы бот?",
                "живой менеджер есть?",
                "позовите оператора",
                "соедините с менеджером",
                "are you a bot"
            })
    void wantsHuman(String text) {
        assertTrue(Intents.detect(text).contains(Intent.WANTS_HUMAN), text);
    }

    @Test
    void managerCallIsNotAHandOff() {
        Set<Intent> found = Intents.detect("пусть менеджер перезвонит");
        assertFalse(found.contains(Intent.WANTS_HUMAN));
        assertFalse(Intents.detect("хочу созвониться с менеджером").contains(Intent.WANTS_HUMAN));
        assertFalse(Intents.detect("работаете в выходные?").contains(Intent.WANTS_HUMAN));
    }

    @Test
    void greetingOnlyAndThanks() {
        assertTrue(Intents.detect("Здравствуйте!").contains(Intent.GREETING_ONLY));
        assertTrue(Intents.detect("Добрый день 😊").contains(Intent.GREETING_ONLY));
        assertTrue(Intents.detect("Сәлеметсіз бе").contains(Intent.GREETING_ONLY));
        assertFalse(Intents.detect("Здравствуйте, сколько стоит?").contains(Intent.GREETING_ONLY));
        assertTrue(Intents.detect("спасибо большое").contains(Intent.THANKS));
        assertTrue(Intents.detect("Рахмет").contains(Intent.THANKS));
    }

    @Test
    void agreeAndDecline() {
        assertTrue(Intents.detect("да, давайте").contains(Intent.AGREE));
        assertTrue(Intents.detect("Ок").contains(Intent.AGREE));
        assertTrue(Intents.detect("нет, не сейчас").contains(Intent.DECLINE));
        assertFalse(Intents.detect("данные пришлю").contains(Intent.AGREE));
    }

    @Test
    void emptyAndNullAreNothing() {
        assertTrue(Intents.detect(null).isEmpty());
        assertTrue(Intents.detect("  🙂 ").isEmpty());
    }
}
