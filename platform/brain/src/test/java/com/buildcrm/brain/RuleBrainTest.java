package com.buildcrm.brain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleBrainTest {

    private final Conversation chat =
            new Conversation(new WindowsPack(), Map.of(), "ru", new RuleBrain());

    private String say(String... burst) {
        TurnOutcome o = chat.clientWrites(burst);
        assertTrue(o.replies().size() <= 1, "one reply per turn: " + o.replies());
        String reply = o.replies().isEmpty() ? "" : o.replies().get(0);
        System.out.println("client: " + String.join(" / ", burst) + "\n   bot: " + reply);
        return reply;
    }

    private String asked() {
        return chat.state().memory().askedField();
    }

    @Test
    void aGreetingIsAnsweredAfterTheChainWithoutGreetingTwiceOrRepeatingItsQuestion() {
        String r = say("Здравствуйте!");
        assertFalse(chat.lastGreeting().isEmpty(), "the chain goes out with the first turn");
        assertTrue(chat.lastGreeting().get(0).startsWith("Здравствуйте"));
        assertFalse(RepeatedGreeting.opensWithGreeting(r), r);
        // the chain asked «Из какого вы города?»: the answer asks it in other words
        assertEquals("Подскажите, пожалуйста, из какого вы города?", r);
        assertEquals("city", asked());
        assertEquals(StageRole.IN_PROGRESS, chat.state().stageRole());
    }

    @Test
    void qualificationAsksFieldsInSchemaOrderWithAdviceOnce() {
        say("Здравствуйте");
        String r = say("мы из Алматы");
        assertTrue(r.contains("В Алматы замер бесплатный."), r);
        assertTrue(r.contains("Какая ширина окна"), r);
        assertEquals("width_m", asked());
        r = say("1,5");
        assertFalse(r.contains("замер бесплатный"), "advice is given once: " + r);
        assertEquals("height_m", asked());
        assertEquals(
                0,
                new BigDecimal("1.5").compareTo((BigDecimal) chat.state().fields().get("width_m")));
        r = say("2 метра");
        assertEquals("with_install", asked());
        r = say("да, нужен");
        assertEquals(true, chat.state().fields().get("with_install"));
        assertEquals(StageRole.FULL_DATA, chat.state().stageRole());
        assertTrue(r.contains("Итак:") && r.contains("город — Алматы"), r);
        assertTrue(r.contains("ширина окна — 1,5"), r);
        assertTrue(r.contains("удобно, если он вам позвонит?"), r);
        assertNull(asked());
        r = say("да, давайте");
        assertTrue(chat.state().memory().callWanted(), "a yes to the offered call is a call wish");
        assertEquals(StageRole.CALL_REQUESTED, chat.state().stageRole());
        assertTrue(r.contains("Как к вам обращаться?"), r);
    }

    @Test
    void callFlowAsksNameThenTimeThenConfirms() {
        String r = say("Здравствуйте, позвоните мне пожалуйста");
        assertTrue(r.contains("Как к вам обращаться?"), r);
        assertEquals(StageRole.CALL_REQUESTED, chat.state().stageRole());
        assertTrue(chat.state().memory().callWanted());
        r = say("Ержан");
        assertEquals("Ержан", chat.state().fields().get("name"));
        assertTrue(r.contains("Когда вам удобно, чтобы мы позвонили?"), r);
        assertEquals("preferred_call_time", asked());
        r = say("завтра в 10");
        assertEquals("Спасибо, Ержан! Наш менеджер позвонит вам завтра в 10.", r);
        assertNull(asked(), "no further qualification in the confirmation");
        r = say("из Астаны мы");
        assertTrue(r.contains("Какая ширина окна"), "qualification continues after: " + r);
    }

    @Test
    void callWithNameAndTimeInOneMessageIsConfirmedAtOnce() {
        String r = say("Меня зовут Айгуль, перезвоните после обеда");
        assertEquals("Спасибо, Айгуль! Наш менеджер позвонит вам после обеда.", r);
        TurnOutcome o = chat.clientWrites("ок");
        assertFalse(o.replies().isEmpty());
    }

    @Test
    void priceFirstAskExplainsAndAsksTheMinimum() {
        String r = say("Здравствуйте, сколько стоит окно?");
        assertTrue(r.contains("Стоимость зависит от параметров: ширина окна и высота окна."), r);
        assertTrue(r.contains("Какая ширина окна"), r);
        assertEquals("width_m", asked());
        assertEquals(1, chat.state().memory().priceAsks());
        assertFalse(chat.state().memory().callWanted());
    }

    @Test
    void priceWithMinimumKnownOffersACall() {
        String r = say("окно 1,5 на 2 сколько стоит?");
        assertTrue(r.contains("Точный расчёт сделает наш специалист"), r);
        assertTrue(chat.state().memory().callOffered());
        assertFalse(chat.state().memory().callWanted());
    }

    @Test
    void priceAskedTwiceOffersACallAndInsistingRequestsIt() {
        say("цена?");
        String r = say("а всё таки сколько стоит");
        assertTrue(r.contains("удобно, если он вам позвонит?"), "second ask offers a call: " + r);
        assertFalse(chat.state().memory().callWanted());
        r = say("ну сколько стоит то?");
        assertTrue(chat.state().memory().callWanted(), "price after an offer requests the call");
        assertEquals(StageRole.CALL_REQUESTED, chat.state().stageRole());
        assertTrue(r.contains("Как к вам обращаться?"), r);
    }

    @Test
    void justTellMeThePriceRequestsTheCallImmediately() {
        String r = say("просто скажите цену");
        assertTrue(chat.state().memory().callWanted());
        assertTrue(r.contains("Как к вам обращаться?"), r);
    }

    @Test
    void notInterestedGetsOnePoliteClosingAndNoQuestion() {
        say("Здравствуйте");
        say("Алматы");
        TurnOutcome o = chat.clientWrites("уже не актуально, спасибо");
        assertEquals(
                List.of(
                        "Понимаю, спасибо, что ответили! Если вопрос снова станет актуальным —"
                                + " пишите, будем рады помочь."),
                o.replies());
        assertEquals(Temperature.COLD, o.state().temperature());
        assertTrue(o.state().score() <= 10);
        assertNull(o.state().memory().askedField());
        assertTrue(o.events().stream().anyMatch(e -> e.type().equals("lead.cooled")));
    }

    @Test
    void wantsHumanHandsOffAndAiFallsSilent() {
        TurnOutcome o = chat.clientWrites("вы бот? позовите живого менеджера");
        assertTrue(o.handOff());
        assertEquals(
                List.of("Сейчас подключу менеджера, он ответит вам в ближайшее время."),
                o.replies());
        TurnOutcome after = chat.clientWrites("алло");
        assertTrue(after.replies().isEmpty());
        chat.returnToAi();
        assertFalse(chat.clientWrites("Алматы").replies().isEmpty());
    }

    @Test
    void noiseReasksWithoutRepeatingTheSameSentence() {
        String first = say("Здравствуйте");
        String second = say("[image]");
        assertFalse(second.isBlank());
        assertNotEquals(first, second);
        assertEquals("city", asked());
        String third = say("ок");
        assertNotEquals(second, third);
    }

    @Test
    void packFieldIsReaskedWithItsLabel() {
        say("Алматы");
        assertEquals("Уточните, пожалуйста: ширина окна?", say("👍"));
        assertEquals("width_m", asked());
    }

    @Test
    void declinedCallContinuesPolitely() {
        say("окно 1,5 на 2, сколько стоит");
        String r = say("нет, не надо");
        assertFalse(chat.state().memory().callWanted());
        assertTrue(r.startsWith("Хорошо"), r);
        // the chain asked «Из какого вы города?» just before: the same question in other words
        assertTrue(r.toLowerCase().contains("из какого вы города?"), r);
    }

    @Test
    void thinkingAfterTheOfferIsRespected() {
        say("окно 1,5 на 2, сколько стоит");
        String r = say("спасибо, подумаю");
        assertEquals("Конечно, подумайте! Если появятся вопросы — пишите, я на связи.", r);
        assertFalse(chat.state().memory().callWanted());
        assertNull(asked());
    }

    @Test
    void nameAndTimeTogetherConfirmTheCall() {
        say("перезвоните");
        assertEquals(
                "Спасибо, Ержан! Наш менеджер позвонит вам завтра в 10.",
                say("Ержан, завтра в 10"));
    }

    @Test
    void bareAnswersToTheAskedFieldAreUnderstoodWithoutThePack() {
        Conversation en = new Conversation(new WindowsPack(), Map.of(), "en", new RuleBrain());
        en.clientWrites("Almaty, 1.2 x 1.4");
        assertEquals("with_install", en.state().memory().askedField());
        en.clientWrites("yes");
        assertEquals(true, en.state().fields().get("with_install"));
        assertEquals(StageRole.FULL_DATA, en.state().stageRole());
    }

    @Test
    void nameIsNotAskedAThirdTime() {
        say("позвоните мне");
        say("а вы где находитесь");
        assertEquals("name", asked());
        String r = say("ну неважно");
        assertTrue(r.contains("Когда вам удобно, чтобы мы позвонили?"), r);
        assertEquals("Спасибо! Наш менеджер позвонит вам после обеда.", say("после обеда"));
    }

    @Test
    void burstIsOneTurn() {
        TurnOutcome o = chat.clientWrites("Здравствуйте", "мы из Алматы", "окно 1,5 на 2");
        assertEquals(1, o.state().memory().clientTurns());
        assertEquals("Алматы", o.state().fields().get("city"));
        assertEquals("with_install", o.state().memory().askedField());
        assertEquals(1, o.replies().size());
    }

    @Test
    void englishLocaleAnswersInEnglish() {
        Conversation en = new Conversation(new WindowsPack(), Map.of(), "en", new RuleBrain());
        TurnOutcome o = en.clientWrites("Hello, I need windows");
        assertEquals("Which city are you in?", o.replies().get(0));
        o = en.clientWrites("call me please");
        assertTrue(o.replies().get(0).contains("How may I address you?"), o.replies().toString());
    }

    @Test
    void failingBrainFallsBackToRuleBrain() {
        Conversation c =
                new Conversation(
                        new WindowsPack(),
                        Map.of(),
                        "ru",
                        input -> List.of(new Action.SaveFields(Map.of("colour", "white"))));
        TurnOutcome o = c.clientWrites("Здравствуйте, нужны окна");
        assertTrue(c.lastTurnFellBack());
        assertTrue(o.replies().get(0).toLowerCase().contains("из какого вы города?"));
        Conversation throwing =
                new Conversation(
                        new WindowsPack(),
                        Map.of(),
                        "ru",
                        input -> {
                            throw new IllegalStateException("LLM timeout");
                        });
        assertFalse(throwing.clientWrites("Алматы").replies().isEmpty());
    }

    @Test
    void lockedStageStaysWhereThePersonPutIt() {
        chat.lockStage(StageRole.WON);
        chat.clientWrites("позвоните мне");
        assertEquals(StageRole.WON, chat.state().stageRole());
        assertTrue(chat.state().memory().callWanted());
        chat.setStage(StageRole.IN_PROGRESS);
        chat.clientWrites("Ержан");
        assertEquals(StageRole.CALL_REQUESTED, chat.state().stageRole());
    }
}
