package com.buildcrm.brain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionValidatorTest {

    private static List<Action> validate(Action... actions) {
        return ActionValidator.validate(Arrays.asList(actions), WindowsPack.SCHEMA, 2);
    }

    private static Map<String, Object> saved(Object value, String key) {
        Action.SaveFields s =
                (Action.SaveFields) validate(new Action.SaveFields(Map.of(key, value))).get(0);
        return s.values();
    }

    @Test
    void numbersAreCoercedToBigDecimal() {
        assertEquals(
                0,
                new BigDecimal("1.5")
                        .compareTo((BigDecimal) saved("1,5", "width_m").get("width_m")));
        assertEquals(
                0, new BigDecimal("2").compareTo((BigDecimal) saved(2, "width_m").get("width_m")));
        assertEquals(
                0,
                new BigDecimal("2.5").compareTo((BigDecimal) saved(2.5, "width_m").get("width_m")));
        assertEquals(BigDecimal.class, saved(3L, "width_m").get("width_m").getClass());
    }

    @Test
    void booleansAcceptRussianAndEnglish() {
        assertEquals(true, saved("да", "with_install").get("with_install"));
        assertEquals(false, saved("Нет", "with_install").get("with_install"));
        assertEquals(true, saved("true", "with_install").get("with_install"));
        assertEquals(false, saved(false, "with_install").get("with_install"));
    }

    @Test
    void textIsTrimmed() {
        assertEquals("Алматы", saved("  Алматы ", "city").get("city"));
    }

    @Test
    void integersBecomeLong() {
        var schema =
                List.of(
                        new com.buildcrm.plugin.api.QualificationField(
                                "windows",
                                com.buildcrm.plugin.api.FieldType.INTEGER,
                                true,
                                "Окна",
                                "Windows",
                                "Сколько окон?",
                                "How many windows?",
                                BigDecimal.ONE,
                                BigDecimal.valueOf(50)));
        Action.SaveFields s =
                (Action.SaveFields)
                        ActionValidator.validate(
                                        List.of(new Action.SaveFields(Map.of("windows", "12"))),
                                        schema,
                                        0)
                                .get(0);
        assertEquals(12L, s.values().get("windows"));
        assertThrows(
                InvalidActionException.class,
                () ->
                        ActionValidator.validate(
                                List.of(new Action.SaveFields(Map.of("windows", "2,5"))),
                                schema,
                                0));
        assertThrows(
                InvalidActionException.class,
                () ->
                        ActionValidator.validate(
                                List.of(new Action.SaveFields(Map.of("windows", 51))), schema, 0));
    }

    @Test
    void rejectsUnknownFieldWithAClearMessage() {
        InvalidActionException e =
                assertThrows(
                        InvalidActionException.class,
                        () -> validate(new Action.SaveFields(Map.of("colour", "white"))));
        assertTrue(e.getMessage().contains("colour"), e.getMessage());
    }

    @Test
    void rejectsValuesThatDoNotFit() {
        assertThrows(InvalidActionException.class, () -> saved("широкое", "width_m"));
        assertThrows(InvalidActionException.class, () -> saved("11", "width_m"));
        assertThrows(InvalidActionException.class, () -> saved("0.1", "height_m"));
        assertThrows(InvalidActionException.class, () -> saved("может быть", "with_install"));
        assertThrows(InvalidActionException.class, () -> saved("   ", "city"));
        assertThrows(InvalidActionException.class, () -> saved("x".repeat(501), "city"));
    }

    @Test
    void rejectsBadReplies() {
        assertThrows(InvalidActionException.class, () -> validate(new Action.Reply("  ")));
        assertThrows(
                InvalidActionException.class, () -> validate(new Action.Reply("a".repeat(4097))));
        List<Action> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(new Action.Reply("ответ " + i));
        }
        assertThrows(
                InvalidActionException.class,
                () -> ActionValidator.validate(six, WindowsPack.SCHEMA, 2));
        assertEquals(
                List.of(new Action.Reply("Привет")), validate(new Action.Reply("  Привет \n")));
    }

    @Test
    void rejectsGreetingStepOutOfRangeAndUnknownAskedField() {
        assertEquals(
                List.of(new Action.SendGreetingStep(1)), validate(new Action.SendGreetingStep(1)));
        assertThrows(InvalidActionException.class, () -> validate(new Action.SendGreetingStep(2)));
        assertThrows(InvalidActionException.class, () -> validate(new Action.SendGreetingStep(-1)));
        assertThrows(InvalidActionException.class, () -> validate(new Action.AskedField("colour")));
    }

    @Test
    void rejectsNullActionAndNullList() {
        assertThrows(InvalidActionException.class, () -> validate(new Action.Reply("ok"), null));
        assertThrows(
                InvalidActionException.class,
                () -> ActionValidator.validate(null, WindowsPack.SCHEMA, 0));
    }

    @Test
    void callRequestTextsAreTrimmedAndBlankBecomesNull() {
        assertEquals(
                List.of(new Action.RequestCall("Ержан", null)),
                validate(new Action.RequestCall(" Ержан ", " ")));
    }
}
