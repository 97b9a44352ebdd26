package com.buildcrm.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.buildcrm.brain.Action;
import com.buildcrm.brain.StageRole;
import com.buildcrm.brain.Temperature;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DialogueTest {

    @Test
    void scriptedQualificationPasses() {
        Dialogue d = Dialogue.with(new KitchenPack());
        d.client("Здравствуйте!")
                .expectGreetingChain()
                .expectNoRepeatedGreeting() // the chain greets; no second «Здравствуйте!»
                .expectReplyAsks("city")
                .expectStage(StageRole.IN_PROGRESS)
                .expectTemperature(Temperature.COLD)
                .expectNoCallRequested()
                .expectNoHandOff();
        d.client("мы из Алматы")
                .expectField("city", "алматы")
                .expectNoField("length_m")
                .expectReplyContains("шоурум: ул. Абая 10")
                .expectReplyAsks("length_m")
                .expectStage(StageRole.PARTIAL_DATA)
                .expectTemperature(Temperature.WARM)
                .expectEvent("fields.updated");
        d.client("3,5")
                .expectField("length_m", 3.5)
                .expectField("length_m", "3,5")
                .expectField("length_m", new BigDecimal("3.50"))
                .expectStage(StageRole.FULL_DATA)
                .expectScoreAtLeast(50)
                .expectScoreAtMost(60)
                .expectReplyNotContains("шоурум");
        d.client("да, давайте").expectCallRequested().expectStage(StageRole.CALL_REQUESTED);
        d.client("Ержан").expectField("name", "Ержан").expectReplyAsks("preferred_call_time");
        d.client("завтра в 10")
                .expectReplyContains("позвонит вам завтра в 10")
                .expectTemperature(Temperature.HOT);
    }

    @Test
    void integerExpectationMatchesADecimalField() {
        Dialogue d = Dialogue.with(new KitchenPack()).client("кухня 4 метра");
        d.expectField("length_m", 4).expectField("length_m", 4L).expectField("length_m", "4");
    }

    @Test
    void burstIsOneTurn() {
        Dialogue d = Dialogue.with(new KitchenPack());
        d.burst("Здравствуйте", "мы из Алматы", "сколько стоит?")
                .expectField("city", "Алматы")
                .expectReplyContains("длина кухни")
                .expectReplyAsks("length_m");
        assertEquals(1, d.state().memory().clientTurns());
        assertEquals(1, d.state().memory().priceAsks());
        assertEquals(1, d.lastReplies().size());
    }

    @Test
    void failingExpectationShowsTheTranscript() {
        Dialogue d = Dialogue.with(new KitchenPack());
        d.client("Здравствуйте").client("Алматы");
        AssertionError e = assertThrows(AssertionError.class, () -> d.expectField("length_m", 10));
        String m = e.getMessage();
        assertTrue(m.contains("field length_m = 10 expected, but it is not set"), m);
        assertTrue(m.contains("client: Здравствуйте"), m);
        assertTrue(m.contains("greeting: "), m);
        assertTrue(m.contains("bot:    В каком вы городе?"), m);
        assertTrue(m.contains("stage PARTIAL_DATA"), m);
        assertTrue(m.contains("score"), m);
        assertTrue(m.contains("city=\"Алматы\""), m);
        assertEquals(m, e.getMessage());
        assertTrue(
                d.transcript()
                        .contains("Dialogue with pack kitchens (locale ru, brain RuleBrain)"));
    }

    @Test
    void everyExpectationCanFail() {
        Dialogue d = Dialogue.with(new KitchenPack()).client("Здравствуйте");
        assertThrows(AssertionError.class, () -> d.expectField("city", "Астана"));
        assertThrows(AssertionError.class, () -> d.client("Алматы").expectField("city", "Астана"));
        assertThrows(AssertionError.class, () -> d.expectNoField("city"));
        assertThrows(AssertionError.class, () -> d.expectStage(StageRole.FULL_DATA));
        assertThrows(AssertionError.class, () -> d.expectTemperature(Temperature.HOT));
        assertThrows(AssertionError.class, () -> d.expectScoreAtLeast(99));
        assertThrows(AssertionError.class, () -> d.expectScoreAtMost(1));
        assertThrows(AssertionError.class, () -> d.expectReplyContains("цена"));
        assertThrows(AssertionError.class, () -> d.expectReplyNotContains("длина"));
        assertThrows(AssertionError.class, () -> d.expectReplyAsks("city"));
        assertThrows(AssertionError.class, d::expectNoReply);
        assertThrows(AssertionError.class, d::expectHandOff);
        assertThrows(AssertionError.class, d::expectCallRequested);
        assertThrows(AssertionError.class, () -> d.expectEvent("handoff.requested"));
        d.client("позвоните");
        assertThrows(AssertionError.class, d::expectNoCallRequested);
    }

    @Test
    void expectationsBeforeTheFirstMessageFail() {
        Dialogue d = Dialogue.with(new KitchenPack());
        assertThrows(AssertionError.class, d::expectNoReply);
        assertNull(d.lastOutcome());
        assertEquals(StageRole.NEW, d.state().stageRole());
    }

    @Test
    void handOffThenSilence() {
        Dialogue d = Dialogue.with(new KitchenPack());
        d.client("позовите оператора").expectHandOff().expectReplyContains("подключу менеджера");
        d.client("алло?").expectNoReply();
        assertTrue(d.transcript().contains("the AI is off"), d.transcript());
        d.returnToAi().client("Алматы").expectField("city", "Алматы").expectReplyAsks("length_m");
    }

    @Test
    void humanMoveLocksTheStage() {
        Dialogue d = Dialogue.with(new KitchenPack());
        d.client("Здравствуйте").humanMovesTo(StageRole.WON);
        d.client("позвоните мне").expectStage(StageRole.WON).expectCallRequested();
        assertTrue(d.state().stageLockedByHuman());
        assertTrue(d.transcript().contains("[a person moved the lead to WON]"));
    }

    @Test
    void settingsDefaultsCanBeOverridden() {
        Dialogue.with(new KitchenPack())
                .settings(Map.of("showroom", "пр. Достык 5"))
                .client("Алматы")
                .expectReplyContains("пр. Достык 5");
    }

    @Test
    void configurationAfterTheFirstMessageIsRefused() {
        Dialogue d = Dialogue.with(new KitchenPack()).client("Здравствуйте");
        assertThrows(IllegalStateException.class, () -> d.locale("en"));
        assertThrows(IllegalStateException.class, () -> d.settings(Map.of()));
    }

    @Test
    void englishLocale() {
        Dialogue.with(new KitchenPack())
                .locale("en")
                .client("Hello")
                .expectGreetingChain()
                .expectReplyAsks("city")
                .client("Almaty")
                .expectNoRepeatedGreeting()
                .expectReplyContains("How long is the kitchen")
                .expectReplyNotContains("город");
    }

    @Test
    void customBrainIsUsedAndBadOutputFallsBack() {
        Dialogue d =
                Dialogue.with(new KitchenPack())
                        .brain(
                                input ->
                                        List.of(
                                                new Action.SaveFields(Map.of("city", "Шымкент")),
                                                new Action.Reply("Записал ваш город!")));
        d.client("что угодно").expectField("city", "Шымкент").expectReplyContains("записал");
        Dialogue bad =
                Dialogue.with(new KitchenPack()).brain(input -> List.of(new Action.Reply(" ")));
        bad.client("Здравствуйте").expectReplyAsks("city");
        assertTrue(bad.transcript().contains("rule brain answered"), bad.transcript());
        assertFalse(d.transcript().contains("rule brain answered"));
    }

    @Test
    void aTranscribedVoiceNoteIsReadAsTheClientsWords() {
        Dialogue d = Dialogue.with(new KitchenPack());
        d.voice("Здравствуйте, мы из Алматы").expectGreetingChain().expectField("city", "Алматы");
        d.expectReplyAsks("length_m").expectReplyNotContains("текстом");
        assertTrue(d.transcript().contains("[voice note] Здравствуйте, мы из Алматы"));
        assertEquals(
                "Здравствуйте, мы из Алматы",
                d.conversation().history().get(0).text(),
                "the brain's history holds the transcript");
    }

    @Test
    void unheardVoiceNotesAreAskedToBeWrittenOncePerSilence() {
        Dialogue d = Dialogue.with(new KitchenPack());
        d.unheardVoice().expectGreetingChain().expectAskedToWrite().expectNoField("city");
        d.unheardVoice().expectNoReply();
        d.voices(null, null).expectNoReply();
        assertTrue(d.transcript().contains("[voice note, not transcribed]"));
        // the client writes: answered as usual; the next unheard note is asked about again
        d.client("Алматы").expectField("city", "Алматы").expectReplyAsks("length_m");
        d.unheardVoice().expectAskedToWrite();
        // a burst with one transcribed note goes to the brain, the unheard one as "[voice]"
        d.voices(null, "кухня 4 метра").expectField("length_m", 4);
        assertThrows(AssertionError.class, d::expectAskedToWrite);
    }

    @Test
    void anUnheardVoiceNoteOfAnEnglishSpeakingClientIsAskedForInEnglish() {
        Dialogue.with(new KitchenPack())
                .locale("en")
                .unheardVoice()
                .expectAskedToWrite()
                .expectReplyContains("type it")
                .expectReplyNotContains("текстом");
    }

    @Test
    void voiceAfterAHandOffIsNotAnswered() {
        Dialogue d = Dialogue.with(new KitchenPack());
        d.client("позовите оператора").expectHandOff();
        d.unheardVoice().expectNoReply();
        d.voice("алло, вы где?").expectNoReply();
        assertThrows(IllegalArgumentException.class, () -> d.voice(" "));
    }
}
