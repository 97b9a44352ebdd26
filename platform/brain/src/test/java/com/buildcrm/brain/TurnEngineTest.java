package com.buildcrm.brain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TurnEngineTest {

    private static final Map<String, Object> ALL =
            Map.of(
                    "city",
                    "Алматы",
                    "width_m",
                    new BigDecimal("1.5"),
                    "height_m",
                    new BigDecimal("2"),
                    "with_install",
                    true);

    private static TurnOutcome apply(LeadState before, Action... actions) {
        return TurnEngine.apply(before, List.of(actions), WindowsPack.SCHEMA);
    }

    private static LeadState at(StageRole role, boolean locked) {
        return new LeadState(Map.of(), role, locked, Temperature.COLD, 0, AiMemory.fresh());
    }

    private static List<String> types(TurnOutcome o) {
        return o.events().stream().map(LeadEventDraft::type).toList();
    }

    @Test
    void firstAnswerMovesNewToInProgress() {
        TurnOutcome o = apply(LeadState.fresh(), new Action.Reply("Здравствуйте!"));
        assertEquals(StageRole.IN_PROGRESS, o.state().stageRole());
        assertEquals(1, o.state().memory().clientTurns());
        assertEquals(2, o.state().score());
        assertEquals(Temperature.COLD, o.state().temperature());
        assertEquals(List.of("Здравствуйте!"), o.replies());
        assertTrue(types(o).contains("stage.changed"));
    }

    @Test
    void someRequiredDataIsPartialAndAllIsFull() {
        TurnOutcome partial =
                apply(LeadState.fresh(), new Action.SaveFields(Map.of("city", "Алматы")));
        assertEquals(StageRole.PARTIAL_DATA, partial.state().stageRole());
        assertEquals(Temperature.WARM, partial.state().temperature());
        // round(50 * 1/4) = 13, + 2 for one turn
        assertEquals(15, partial.state().score());
        LeadEventDraft fields = partial.events().get(0);
        assertEquals("fields.updated", fields.type());
        assertEquals(List.of("city"), fields.details().get("keys"));

        TurnOutcome full = apply(partial.state(), new Action.SaveFields(ALL));
        assertEquals(StageRole.FULL_DATA, full.state().stageRole());
        assertEquals(54, full.state().score());
        assertEquals(Temperature.WARM, full.state().temperature(), "HOT needs a call wish too");
        LeadEventDraft stage =
                full.events().stream()
                        .filter(e -> e.type().equals("stage.changed"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("Собраны все данные", stage.reason());
        assertEquals(Map.of("from", "PARTIAL_DATA", "to", "FULL_DATA"), stage.details());
    }

    @Test
    void callWishWithFullDataIsHotAndCallRequested() {
        LeadState full = apply(LeadState.fresh(), new Action.SaveFields(ALL)).state();
        TurnOutcome o = apply(full, new Action.RequestCall("Ержан", "завтра в 10"));
        assertEquals(StageRole.CALL_REQUESTED, o.state().stageRole());
        assertEquals(Temperature.HOT, o.state().temperature());
        assertEquals("Ержан", o.state().fields().get("name"));
        assertEquals("завтра в 10", o.state().fields().get("preferred_call_time"));
        // 50 + 30 + 2*2 + 3 (name)
        assertEquals(87, o.state().score());
        LeadEventDraft call =
                o.events().stream()
                        .filter(e -> e.type().equals("call.requested"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(Map.of("name", "Ержан", "time", "завтра в 10"), call.details());
        LeadEventDraft score =
                o.events().stream()
                        .filter(e -> e.type().equals("score.changed"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("WARM", score.details().get("temperatureFrom"));
        assertEquals("HOT", score.details().get("temperatureTo"));
    }

    @Test
    void stageNeverMovesBackwards() {
        LeadState call = apply(LeadState.fresh(), new Action.RequestCall(null, null)).state();
        assertEquals(StageRole.CALL_REQUESTED, call.stageRole());
        TurnOutcome o = apply(call, new Action.SaveFields(Map.of("city", "Астана")));
        assertEquals(StageRole.CALL_REQUESTED, o.state().stageRole());
        assertFalse(types(o).contains("stage.changed"));

        LeadState full =
                new LeadState(Map.of(), StageRole.FULL_DATA, false, Temperature.WARM, 0, null);
        assertEquals(
                StageRole.FULL_DATA,
                apply(full, new Action.SaveFields(Map.of("city", "Астана"))).state().stageRole());
    }

    @Test
    void lockedCustomWonAndLostStagesAreNeverChanged() {
        assertEquals(
                StageRole.IN_PROGRESS,
                apply(at(StageRole.IN_PROGRESS, true), new Action.RequestCall(null, null))
                        .state()
                        .stageRole());
        assertEquals(
                null,
                apply(at(null, false), new Action.RequestCall(null, null)).state().stageRole());
        assertEquals(
                StageRole.WON,
                apply(at(StageRole.WON, false), new Action.SaveFields(ALL)).state().stageRole());
        assertEquals(
                StageRole.LOST,
                apply(at(StageRole.LOST, false), new Action.RequestCall(null, null))
                        .state()
                        .stageRole());
        TurnOutcome locked = apply(at(StageRole.NEW, true), new Action.SaveFields(ALL));
        assertEquals(StageRole.NEW, locked.state().stageRole());
        assertTrue(locked.state().stageLockedByHuman());
        assertFalse(types(locked).contains("stage.changed"));
    }

    @Test
    void notInterestedCoolsTheLeadAndCapsTheScore() {
        LeadState full = apply(LeadState.fresh(), new Action.SaveFields(ALL)).state();
        TurnOutcome o =
                apply(
                        full,
                        new Action.NotInterested("передумали"),
                        new Action.SetTemperature(Temperature.COLD, "неинтересно"),
                        new Action.Reply("Понимаю"));
        assertEquals(Temperature.COLD, o.state().temperature());
        assertEquals(10, o.state().score());
        assertTrue(o.state().memory().notInterested());
        assertTrue(types(o).contains("lead.cooled"));
        assertEquals(StageRole.FULL_DATA, o.state().stageRole(), "never LOST");
    }

    @Test
    void setTemperatureMayLowerButNeverRaise() {
        TurnOutcome raised =
                apply(LeadState.fresh(), new Action.SetTemperature(Temperature.HOT, "хочу"));
        assertEquals(Temperature.COLD, raised.state().temperature());
        LeadState full = apply(LeadState.fresh(), new Action.SaveFields(ALL)).state();
        TurnOutcome lowered = apply(full, new Action.SetTemperature(Temperature.COLD, "думает"));
        assertEquals(Temperature.COLD, lowered.state().temperature());
    }

    @Test
    void memoryRemembersAskedFieldPriceAdviceAndOffer() {
        TurnOutcome o =
                apply(
                        LeadState.fresh(),
                        new Action.PriceAsked(),
                        new Action.AdviceGiven("city.almaty"),
                        new Action.OfferCall(),
                        new Action.AskedField("width_m"),
                        new Action.SendGreetingStep(1));
        AiMemory m = o.state().memory();
        assertEquals("width_m", m.askedField());
        assertEquals(1, m.priceAsks());
        assertTrue(m.callOffered());
        assertEquals(Set.of("city.almaty"), m.adviceGiven());
        assertEquals(List.of(1), o.greetingSteps());
        assertEquals(Temperature.WARM, o.state().temperature(), "a price question warms the lead");
        // 0 + 2 + 5
        assertEquals(7, o.state().score());
        assertEquals(
                null, apply(o.state()).state().memory().askedField(), "asked field is per turn");
    }

    @Test
    void handOffIsReportedWithItsReason() {
        TurnOutcome o = apply(LeadState.fresh(), new Action.HandOff("Клиент просит менеджера"));
        assertTrue(o.handOff());
        LeadEventDraft e =
                o.events().stream()
                        .filter(x -> x.type().equals("handoff.requested"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("Клиент просит менеджера", e.details().get("reason"));
    }

    @Test
    void fullScoreAndNoEventsWithoutChange() {
        LeadState s = LeadState.fresh();
        for (int i = 0; i < 6; i++) {
            s =
                    apply(
                                    s,
                                    new Action.SaveFields(ALL),
                                    new Action.SaveFields(Map.of("name", "Ержан")),
                                    new Action.RequestCall(null, "завтра"),
                                    new Action.PriceAsked())
                            .state();
        }
        assertEquals(98, s.score());
        TurnOutcome again = apply(s);
        assertEquals(98, again.state().score());
        assertFalse(types(again).contains("score.changed"));
        assertFalse(types(again).contains("fields.updated"));
    }
}
