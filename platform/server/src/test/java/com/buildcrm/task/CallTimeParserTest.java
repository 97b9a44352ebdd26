package com.buildcrm.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallTimeParserTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final WorkingHours HOURS = WorkingHours.DEFAULT;

    /** Wednesday 2026-12-02 11:20, working hours 09:00–18:00. */
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 2, 11, 20);

    /**
     * The client's words and the call time they mean, read on Wednesday 2026-12-02 at 11:20 with
     * working hours 09:00–18:00; "asap" when the words cannot be read.
     */
    private static final String TABLE =
            """
            сегодня до обеда                   | 2026-12-02T11:20
            завтра после обеда                 | 2026-12-03T14:00
            в 15:00                            | 2026-12-02T15:00
            в 15                               | 2026-12-02T15:00
            к 15 часам                         | 2026-12-02T15:00
            вечером                            | 2026-12-02T17:00
            после 18                           | 2026-12-02T18:00
            после 6 вечера                     | 2026-12-02T18:00
            в пятницу утром                    | 2026-12-04T10:00
            в пн                               | 2026-12-07T09:00
            через час                          | 2026-12-02T12:20
            через 30 минут                     | 2026-12-02T11:50
            через 2 часа                       | 2026-12-02T13:20
            прямо сейчас                       | 2026-12-02T11:20
            сейчас                             | 2026-12-02T11:20
            Срочно!!!                          | 2026-12-02T11:20
            как можно скорее                   | 2026-12-02T11:20
            в любое время                      | 2026-12-02T11:20
            утром                              | 2026-12-02T11:20
            днём                               | 2026-12-02T13:00
            днем                               | 2026-12-02T13:00
            в обед                             | 2026-12-02T13:00
            ближе к вечеру                     | 2026-12-02T16:00
            завтра с утра                      | 2026-12-03T09:00
            послезавтра                        | 2026-12-04T09:00
            на выходных                        | 2026-12-05T09:00
            в субботу                          | 2026-12-05T09:00
            после работы                       | 2026-12-02T18:00
            до 12                              | 2026-12-02T11:20
            с 10 до 12                         | 2026-12-02T11:20
            10-11                              | 2026-12-03T10:00
            в 9 утра                           | 2026-12-03T09:00
            в 7 вечера                         | 2026-12-02T19:00
            пол третьего                       | 2026-12-02T14:30
            полтретьего                        | 2026-12-02T14:30
            в половине пятого                  | 2026-12-02T16:30
            бүгін                              | 2026-12-02T11:20
            ертең                              | 2026-12-03T09:00
            кешке                              | 2026-12-02T17:00
            таңертең                           | 2026-12-02T11:20
            ертең таңертең                     | 2026-12-03T10:00
            түстен кейін                       | 2026-12-02T14:00
            завтра кешке                       | 2026-12-03T17:00
            бүгін кешке                        | 2026-12-02T17:00
            ертең түсте                        | 2026-12-03T13:00
            ертен кешке                        | 2026-12-03T17:00
            сағат 4-те                         | 2026-12-02T16:00
            2 сағаттан кейін                   | 2026-12-02T13:20
            Можно завтра после обеда, спасибо  | 2026-12-03T14:00
            ЗАВТРА В 10                        | 2026-12-03T10:00
            Завтро утром                       | 2026-12-03T10:00
            в 3                                | 2026-12-02T15:00
            около 4                            | 2026-12-02T16:00
            часов в 5                          | 2026-12-02T17:00
            в 12 дня                           | 2026-12-02T12:00
            в 10 вечера                        | 2026-12-02T22:00
            в 14.30                            | 2026-12-02T14:30
            в среду                            | 2026-12-02T11:20
            в среду в 10                       | 2026-12-09T10:00
            в четверг в 16:30                  | 2026-12-03T16:30
            во вторник                         | 2026-12-08T09:00
            в воскресенье                      | 2026-12-06T09:00
            в пятницу после 15                 | 2026-12-04T15:00
            в понедельник с утра               | 2026-12-07T09:00
            завтра в 9:30                      | 2026-12-03T09:30
            через полчаса                      | 2026-12-02T11:50
            через 15 мин                       | 2026-12-02T11:35
            через пару часов                   | 2026-12-02T13:20
            через 2 дня                        | 2026-12-04T09:00
            после 3                            | 2026-12-02T15:00
            сегодня вечером                    | 2026-12-02T17:00
            завтра                             | 2026-12-03T09:00
            5 декабря                          | 2026-12-05T09:00
            5 декабря в 11                     | 2026-12-05T11:00
            1 декабря                          | 2027-12-01T09:00
            сегодня в 10                       | 2026-12-02T11:20
            в 10                               | 2026-12-03T10:00
            когда удобно                       | 2026-12-02T11:20
            вечерком                           | 2026-12-02T17:00
            с 3 до 5                           | 2026-12-02T15:00
            до обеда                           | 2026-12-02T11:20
            после обеда                        | 2026-12-02T14:00
            перезвоните мне в пятницу          | 2026-12-04T09:00
            Позвоните, пожалуйста, в 16:00!    | 2026-12-02T16:00
            завтра до 11                       | 2026-12-03T09:00
            на следующей неделе                | 2026-12-07T09:00
            между 2 и 4                        | 2026-12-02T14:00
            с 9 до 10 утра                     | 2026-12-03T09:00
            сегодня после 20                   | 2026-12-02T20:00
            в 8                                | 2026-12-03T08:00
            не знаю                            | asap
            перезвоните                        | asap
            как-нибудь потом                   | asap
            31 ноября                          | asap
            в 25:00                            | asap
            """;

    private static void check(String words, String expected, ZoneId zone) {
        ZonedDateTime now = NOW.atZone(zone);
        CallTime call = CallTimeParser.parse(words, now, HOURS);
        assertThat(call.text()).isEqualTo(words);
        if (expected.equals("asap")) {
            assertThat(call.asap()).as(words).isTrue();
        } else {
            assertThat(call.at())
                    .as(words)
                    .isEqualTo(LocalDateTime.parse(expected).atZone(zone).toInstant());
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = TABLE, delimiter = '|')
    void readsTheClientsWordsInAlmaty(String words, String expected) {
        check(words, expected, ALMATY);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = TABLE, delimiter = '|')
    void theSameWordsMeanTheSameLocalTimesInNewYork(String words, String expected) {
        check(words, expected, NEW_YORK);
    }

    @Test
    void theMomentIsInTheZoneOfNow() {
        CallTime almaty = CallTimeParser.parse("в 15", NOW.atZone(ALMATY), HOURS);
        CallTime moscow = CallTimeParser.parse("в 15", NOW.atZone(MOSCOW), HOURS);
        assertThat(java.time.Duration.between(almaty.at(), moscow.at()))
                .isEqualTo(
                        java.time.Duration.ofSeconds(
                                NOW.atZone(ALMATY).getOffset().getTotalSeconds()
                                        - NOW.atZone(MOSCOW).getOffset().getTotalSeconds()));
        assertThat(moscow.at().atZone(MOSCOW).toLocalTime()).isEqualTo(LocalTime.of(15, 0));
    }

    @Test
    void blankWordsAreAsSoonAsPossibleWithoutText() {
        ZonedDateTime now = NOW.atZone(ALMATY);
        assertThat(CallTimeParser.parse(null, now, HOURS)).isEqualTo(new CallTime(null, null));
        assertThat(CallTimeParser.parse("  ", now, HOURS)).isEqualTo(new CallTime(null, null));
    }

    @Test
    void lateInTheEveningTheEveningIsTomorrow() {
        ZonedDateTime late = LocalDateTime.of(2026, 12, 2, 21, 30).atZone(ALMATY);
        assertThat(local(CallTimeParser.parse("вечером", late, HOURS), ALMATY))
                .isEqualTo(LocalDateTime.of(2026, 12, 3, 17, 0));
        assertThat(local(CallTimeParser.parse("после обеда", late, HOURS), ALMATY))
                .isEqualTo(LocalDateTime.of(2026, 12, 3, 14, 0));
        assertThat(local(CallTimeParser.parse("сегодня вечером", late, HOURS), ALMATY))
                .as("today named explicitly: as soon as possible today, never tomorrow")
                .isEqualTo(LocalDateTime.of(2026, 12, 2, 21, 30));
        ZonedDateTime evening = LocalDateTime.of(2026, 12, 2, 19, 0).atZone(ALMATY);
        assertThat(local(CallTimeParser.parse("вечером", evening, HOURS), ALMATY))
                .as("inside the evening window: now")
                .isEqualTo(LocalDateTime.of(2026, 12, 2, 19, 0));
    }

    @Test
    void onSundayMondayIsTomorrow() {
        ZonedDateTime sunday = LocalDateTime.of(2026, 12, 6, 15, 0).atZone(ALMATY);
        assertThat(local(CallTimeParser.parse("в понедельник", sunday, HOURS), ALMATY))
                .isEqualTo(LocalDateTime.of(2026, 12, 7, 9, 0));
        assertThat(local(CallTimeParser.parse("на выходных", sunday, HOURS), ALMATY))
                .as("still inside Sunday's working hours")
                .isEqualTo(LocalDateTime.of(2026, 12, 6, 15, 0));
        ZonedDateTime sundayNight = LocalDateTime.of(2026, 12, 6, 20, 0).atZone(ALMATY);
        assertThat(local(CallTimeParser.parse("на выходных", sundayNight, HOURS), ALMATY))
                .isEqualTo(LocalDateTime.of(2026, 12, 12, 9, 0));
        assertThat(local(CallTimeParser.parse("в воскресенье утром", sundayNight, HOURS), ALMATY))
                .isEqualTo(LocalDateTime.of(2026, 12, 13, 10, 0));
    }

    @Test
    void vagueWordsFollowTheTenantsWorkingHours() {
        WorkingHours late = new WorkingHours(LocalTime.of(10, 0), LocalTime.of(20, 0));
        ZonedDateTime early = LocalDateTime.of(2026, 12, 2, 8, 0).atZone(ALMATY);
        assertThat(local(CallTimeParser.parse("утром", early, late), ALMATY))
                .isEqualTo(LocalDateTime.of(2026, 12, 2, 11, 0));
        assertThat(local(CallTimeParser.parse("с утра", early, late), ALMATY))
                .isEqualTo(LocalDateTime.of(2026, 12, 2, 10, 0));
        assertThat(local(CallTimeParser.parse("вечером", early, late), ALMATY))
                .isEqualTo(LocalDateTime.of(2026, 12, 2, 19, 0));
        assertThat(local(CallTimeParser.parse("после работы", early, late), ALMATY))
                .isEqualTo(LocalDateTime.of(2026, 12, 2, 20, 0));
        assertThat(local(CallTimeParser.parse("завтра", early, late), ALMATY))
                .isEqualTo(LocalDateTime.of(2026, 12, 3, 10, 0));
        assertThat(local(CallTimeParser.parse("до обеда", early, late), ALMATY))
                .isEqualTo(LocalDateTime.of(2026, 12, 2, 10, 0));
        assertThat(local(CallTimeParser.parse("сегодня", early, null), ALMATY))
                .as("no hours given: the default 09:00–18:00")
                .isEqualTo(LocalDateTime.of(2026, 12, 2, 9, 0));
    }

    @Test
    void aroundTheSpringDstSwitchInNewYork() {
        // 2026-03-08 02:00 EST → 03:00 EDT.
        ZonedDateTime saturday = LocalDateTime.of(2026, 3, 7, 20, 0).atZone(NEW_YORK);
        CallTime tenTomorrow = CallTimeParser.parse("завтра в 10", saturday, HOURS);
        assertThat(tenTomorrow.at()).isEqualTo(java.time.Instant.parse("2026-03-08T14:00:00Z"));
        CallTime inTheGap = CallTimeParser.parse("завтра в 2:30 ночи", saturday, HOURS);
        assertThat(local(inTheGap, NEW_YORK)).isEqualTo(LocalDateTime.of(2026, 3, 8, 3, 30));
        ZonedDateTime beforeSwitch = LocalDateTime.of(2026, 3, 8, 1, 30).atZone(NEW_YORK);
        CallTime inTwoHours = CallTimeParser.parse("через 2 часа", beforeSwitch, HOURS);
        assertThat(local(inTwoHours, NEW_YORK)).isEqualTo(LocalDateTime.of(2026, 3, 8, 4, 30));
    }

    @Test
    void neverInThePast() {
        ZonedDateTime now = NOW.atZone(ALMATY);
        for (String words : TABLE.lines().map(l -> l.split("\\|")[0].strip()).toList()) {
            CallTime call = CallTimeParser.parse(words, now, HOURS);
            if (!call.asap()) {
                assertThat(call.at()).as(words).isAfterOrEqualTo(now.toInstant());
            }
        }
    }

    private static LocalDateTime local(CallTime call, ZoneId zone) {
        return call.at().atZone(zone).toLocalDateTime();
    }
}
