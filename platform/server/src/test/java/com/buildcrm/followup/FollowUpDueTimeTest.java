package com.buildcrm.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.buildcrm.followup.FollowUpPolicy.Step;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a step falls due: delay, spacing, quiet hours and jitter (brief §7, DESIGN §6). */
class FollowUpDueTimeTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Duration JITTER = Duration.ofMinutes(20);
    private static final FollowUpPolicy DEFAULTS = FollowUpPolicy.defaults(List.of());

    @Test
    void aStepFallsDueItsDelayAfterArming() {
        Instant armed = at(ALMATY, 2026, 11, 26, 12, 0);

        assertThat(FollowUpPlanner.dueAt(DEFAULTS, ALMATY, armed, 0, armed, 7))
                .isEqualTo(armed.plus(Duration.ofMinutes(15)));
        assertThat(FollowUpPlanner.dueAt(DEFAULTS, ALMATY, armed, 1, armed, 7))
                .isEqualTo(armed.plus(Duration.ofMinutes(45)));
    }

    @Test
    void delaysCountFromArmingNotFromThePreviousStep() {
        Instant armed = at(ALMATY, 2026, 11, 26, 12, 0);
        Instant firstSent = armed.plus(Duration.ofMinutes(15));

        assertThat(FollowUpPlanner.dueAt(DEFAULTS, ALMATY, armed, 1, firstSent, 7))
                .isEqualTo(at(ALMATY, 2026, 11, 26, 12, 45));
    }

    @Test
    void minimumSpacingPushesTheDueTime() {
        Instant armed = at(ALMATY, 2026, 11, 26, 12, 0);
        // A manual template went out at 12:40; step 2 (12:45) must wait until 12:50.
        Instant lastOutbound = at(ALMATY, 2026, 11, 26, 12, 40);

        assertThat(FollowUpPlanner.dueAt(DEFAULTS, ALMATY, armed, 1, lastOutbound, 7))
                .isEqualTo(at(ALMATY, 2026, 11, 26, 12, 50));
    }

    @Test
    void noLastOutboundMeansNoSpacing() {
        Instant armed = at(ALMATY, 2026, 11, 26, 12, 0);
        assertThat(FollowUpPlanner.dueAt(DEFAULTS, ALMATY, armed, 0, null, 7))
                .isEqualTo(at(ALMATY, 2026, 11, 26, 12, 15));
    }

    @Test
    void aStepDueAt2310InAlmatyMovesToNineNextMorningWithJitter() {
        Instant armed = at(ALMATY, 2026, 11, 26, 22, 55);

        Instant due = FollowUpPlanner.dueAt(DEFAULTS, ALMATY, armed, 0, armed, 1001);

        Instant nine = at(ALMATY, 2026, 11, 27, 9, 0);
        assertThat(due).isBetween(nine, nine.plus(JITTER).minusNanos(1));
        assertThat(due.atZone(ALMATY).toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(due).isEqualTo(nine.plus(FollowUpPlanner.jitter(20, 1001, 0)));
    }

    @Test
    void aStepDueInTheEarlyMorningWaitsForNineTheSameDay() {
        Instant armed = at(ALMATY, 2026, 11, 27, 2, 0);

        Instant due = FollowUpPlanner.dueAt(DEFAULTS, ALMATY, armed, 1, armed, 5);

        Instant nine = at(ALMATY, 2026, 11, 27, 9, 0);
        assertThat(due).isBetween(nine, nine.plus(JITTER).minusNanos(1));
    }

    @Test
    void aStepDueJustBeforeQuietHoursIsNotMoved() {
        Instant armed = at(ALMATY, 2026, 11, 26, 20, 44);
        assertThat(FollowUpPlanner.dueAt(DEFAULTS, ALMATY, armed, 0, armed, 5))
                .isEqualTo(at(ALMATY, 2026, 11, 26, 20, 59));
    }

    @Test
    void aStepDueAtExactlyNineIsNotMoved() {
        Instant armed = at(ALMATY, 2026, 11, 27, 8, 45);
        assertThat(FollowUpPlanner.dueAt(DEFAULTS, ALMATY, armed, 0, armed, 5))
                .isEqualTo(at(ALMATY, 2026, 11, 27, 9, 0));
    }

    @Test
    void spacingThatEndsInQuietHoursAlsoMovesToTheMorning() {
        FollowUpPolicy spaced = policy(LocalTime.of(21, 0), LocalTime.of(9, 0), 60, 20);
        Instant armed = at(ALMATY, 2026, 11, 26, 20, 0);
        Instant lastOutbound = at(ALMATY, 2026, 11, 26, 20, 30);

        Instant due = FollowUpPlanner.dueAt(spaced, ALMATY, armed, 0, lastOutbound, 5);

        Instant nine = at(ALMATY, 2026, 11, 27, 9, 0);
        assertThat(due).isBetween(nine, nine.plus(JITTER).minusNanos(1));
    }

    @Test
    void inBerlinAcrossTheOctoberClockChangeTheStepLandsAtNineLocalTime() {
        // 2026-10-25 03:00 CEST becomes 02:00 CET: the night is 25 hours long.
        Instant armed = at(BERLIN, 2026, 10, 24, 22, 50);

        Instant due = FollowUpPlanner.dueAt(DEFAULTS, BERLIN, armed, 0, armed, 77);

        Instant nine = Instant.parse("2026-10-25T08:00:00Z"); // 09:00 CET (UTC+1)
        assertThat(nine.atZone(BERLIN).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2026, 10, 25, 9, 0));
        assertThat(due).isBetween(nine, nine.plus(JITTER).minusNanos(1));
        assertThat(due).isEqualTo(nine.plus(FollowUpPlanner.jitter(20, 77, 0)));
    }

    @Test
    void inBerlinTheSameWallClockBeforeTheChangeIsAnHourEarlierInUtc() {
        Instant armed = at(BERLIN, 2026, 10, 23, 22, 50);

        Instant due = FollowUpPlanner.dueAt(DEFAULTS, BERLIN, armed, 0, armed, 77);

        Instant nine = Instant.parse("2026-10-24T07:00:00Z"); // 09:00 CEST (UTC+2)
        assertThat(due).isEqualTo(nine.plus(FollowUpPlanner.jitter(20, 77, 0)));
    }

    @Test
    void inNewYorkAcrossTheNovemberClockChangeTheStepLandsAtNineLocalTime() {
        // 2026-11-01 02:00 EDT becomes 01:00 EST.
        Instant armed = at(NEW_YORK, 2026, 10, 31, 23, 0);

        Instant due = FollowUpPlanner.dueAt(DEFAULTS, NEW_YORK, armed, 1, armed, 3);

        Instant nine = Instant.parse("2026-11-01T14:00:00Z"); // 09:00 EST (UTC-5)
        assertThat(due).isBetween(nine, nine.plus(JITTER).minusNanos(1));
        assertThat(due.atZone(NEW_YORK).toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void theSameArmingInstantLandsAtDifferentUtcTimesPerZone() {
        Instant armed = Instant.parse("2026-11-26T18:30:00Z"); // 23:30 in Almaty, 19:30 in Berlin

        Instant inAlmaty = FollowUpPlanner.dueAt(DEFAULTS, ALMATY, armed, 0, armed, 9);
        Instant inBerlin = FollowUpPlanner.dueAt(DEFAULTS, BERLIN, armed, 0, armed, 9);

        assertThat(inAlmaty.atZone(ALMATY).toLocalTime())
                .isBetween(LocalTime.of(9, 0), LocalTime.of(9, 19, 59));
        assertThat(inBerlin).isEqualTo(Instant.parse("2026-11-26T18:45:00Z"));
    }

    @Test
    void aQuietWindowThatDoesNotWrapMovesALunchTimeStepToItsEnd() {
        FollowUpPolicy lunch = policy(LocalTime.of(13, 0), LocalTime.of(14, 0), 10, 20);
        Instant armed = at(ALMATY, 2026, 11, 26, 12, 50);

        Instant due = FollowUpPlanner.dueAt(lunch, ALMATY, armed, 0, armed, 11);

        Instant two = at(ALMATY, 2026, 11, 26, 14, 0);
        assertThat(due).isBetween(two, two.plus(JITTER).minusNanos(1));
        // The same window leaves the night alone.
        Instant lateArmed = at(ALMATY, 2026, 11, 26, 23, 0);
        assertThat(FollowUpPlanner.dueAt(lunch, ALMATY, lateArmed, 0, lateArmed, 11))
                .isEqualTo(at(ALMATY, 2026, 11, 26, 23, 15));
    }

    @Test
    void equalQuietBoundsSendAtNight() {
        FollowUpPolicy noQuiet = policy(LocalTime.of(0, 0), LocalTime.of(0, 0), 10, 20);
        Instant armed = at(ALMATY, 2026, 11, 26, 23, 0);

        assertThat(FollowUpPlanner.dueAt(noQuiet, ALMATY, armed, 0, armed, 11))
                .isEqualTo(at(ALMATY, 2026, 11, 26, 23, 15));
    }

    @Test
    void zeroJitterMeansExactlyTheEndOfQuietHours() {
        FollowUpPolicy exact = policy(LocalTime.of(21, 0), LocalTime.of(9, 0), 10, 0);
        Instant armed = at(ALMATY, 2026, 11, 26, 23, 0);

        assertThat(FollowUpPlanner.dueAt(exact, ALMATY, armed, 0, armed, 11))
                .isEqualTo(at(ALMATY, 2026, 11, 27, 9, 0));
    }

    @Test
    void aJitterLongerThanTheSendingWindowFallsBackToTheWindowEnd() {
        // Only 09:00–09:10 is open; a jitter of up to 2 hours would land in the next quiet hours.
        FollowUpPolicy narrow = policy(LocalTime.of(9, 10), LocalTime.of(9, 0), 0, 120);
        Instant armed = at(ALMATY, 2026, 11, 26, 23, 0);

        for (long leadId = 1; leadId <= 50; leadId++) {
            Instant due = FollowUpPlanner.dueAt(narrow, ALMATY, armed, 0, armed, leadId);
            assertThat(
                            new QuietHours(LocalTime.of(9, 10), LocalTime.of(9, 0))
                                    .contains(due, ALMATY))
                    .as("lead %d", leadId)
                    .isFalse();
        }
    }

    @Test
    void jitterIsDeterministicAndWithinRange() {
        for (long leadId = 0; leadId < 200; leadId++) {
            for (int step = 0; step < 3; step++) {
                Duration jitter = FollowUpPlanner.jitter(20, leadId, step);
                assertThat(jitter).isEqualTo(FollowUpPlanner.jitter(20, leadId, step));
                assertThat(jitter).isBetween(Duration.ZERO, JITTER.minusSeconds(1));
            }
        }
        assertThat(FollowUpPlanner.jitter(0, 5, 0)).isZero();
        assertThat(FollowUpPlanner.jitter(20, -5, 0))
                .isBetween(Duration.ZERO, JITTER.minusSeconds(1));
        assertThat(FollowUpPlanner.jitter(20, Long.MIN_VALUE, 0))
                .isBetween(Duration.ZERO, JITTER.minusSeconds(1));
    }

    @Test
    void aThousandLeadsDoNotAllFireAtNineSharp() {
        Instant armed = at(ALMATY, 2026, 11, 26, 23, 0);
        Instant nine = at(ALMATY, 2026, 11, 27, 9, 0);
        Set<Long> minutes = new HashSet<>();
        Set<Instant> instants = new HashSet<>();
        int atNineSharp = 0;

        for (long leadId = 1; leadId <= 1000; leadId++) {
            Instant due = FollowUpPlanner.dueAt(DEFAULTS, ALMATY, armed, 0, armed, leadId);
            assertThat(due).isBetween(nine, nine.plus(JITTER).minusNanos(1));
            minutes.add(Duration.between(nine, due).toMinutes());
            instants.add(due);
            if (due.equals(nine)) {
                atNineSharp++;
            }
        }

        assertThat(minutes).hasSize(20); // every minute of the window is used
        assertThat(instants).hasSizeGreaterThan(500);
        assertThat(atNineSharp).isLessThan(10);
    }

    @Test
    void twoStepsOfOneLeadGetDifferentJitters() {
        long differing = 0;
        for (long leadId = 1; leadId <= 100; leadId++) {
            if (!FollowUpPlanner.jitter(20, leadId, 0)
                    .equals(FollowUpPlanner.jitter(20, leadId, 1))) {
                differing++;
            }
        }
        assertThat(differing).isGreaterThan(90);
    }

    @Test
    void anUnknownStepIsRejected() {
        Instant armed = at(ALMATY, 2026, 11, 26, 12, 0);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FollowUpPlanner.dueAt(DEFAULTS, ALMATY, armed, 2, armed, 1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FollowUpPlanner.dueAt(DEFAULTS, ALMATY, armed, -1, armed, 1));
    }

    private static FollowUpPolicy policy(LocalTime from, LocalTime to, int spacing, int jitter) {
        return new FollowUpPolicy(
                List.of(
                        new Step(15, "Подскажите, актуально?"),
                        new Step(45, "Когда удобно созвониться?")),
                from,
                to,
                2,
                spacing,
                jitter);
    }

    private static Instant at(ZoneId zone, int y, int mo, int d, int h, int mi) {
        return ZonedDateTime.of(y, mo, d, h, mi, 0, 0, zone).toInstant();
    }
}
