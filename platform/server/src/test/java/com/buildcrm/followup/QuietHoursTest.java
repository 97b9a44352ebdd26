package com.buildcrm.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0));
    private static final QuietHours LUNCH =
            new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0));

    @Test
    void aWrappingWindowCoversTheEveningAndTheEarlyMorning() {
        assertThat(NIGHT.contains(LocalTime.of(21, 0))).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(23, 59))).isTrue();
        assertThat(NIGHT.contains(LocalTime.MIDNIGHT)).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(8, 59, 59))).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(9, 0))).isFalse();
        assertThat(NIGHT.contains(LocalTime.of(20, 59, 59))).isFalse();
        assertThat(NIGHT.contains(LocalTime.NOON)).isFalse();
    }

    @Test
    void aWindowThatDoesNotWrapCoversOnlyItsHours() {
        assertThat(LUNCH.contains(LocalTime.of(12, 59))).isFalse();
        assertThat(LUNCH.contains(LocalTime.of(13, 0))).isTrue();
        assertThat(LUNCH.contains(LocalTime.of(13, 59))).isTrue();
        assertThat(LUNCH.contains(LocalTime.of(14, 0))).isFalse();
        assertThat(LUNCH.contains(LocalTime.of(23, 0))).isFalse();
        assertThat(LUNCH.contains(LocalTime.of(3, 0))).isFalse();
    }

    @Test
    void equalBoundsMeanNoQuietHours() {
        QuietHours none = new QuietHours(LocalTime.of(9, 0), LocalTime.of(9, 0));
        assertThat(none.isEnabled()).isFalse();
        for (int hour = 0; hour < 24; hour++) {
            assertThat(none.contains(LocalTime.of(hour, 0))).isFalse();
        }
        Instant night = at(ALMATY, 2026, 11, 26, 23, 0);
        assertThat(none.endOfWindow(night, ALMATY)).isEqualTo(night);
    }

    @Test
    void theEveningPartEndsTheNextMorning() {
        Instant evening = at(ALMATY, 2026, 11, 26, 23, 10);
        assertThat(local(NIGHT.endOfWindow(evening, ALMATY)))
                .isEqualTo(LocalDateTime.of(2026, 11, 27, 9, 0));
    }

    @Test
    void theEarlyMorningPartEndsTheSameMorning() {
        Instant earlyMorning = at(ALMATY, 2026, 11, 27, 3, 30);
        assertThat(local(NIGHT.endOfWindow(earlyMorning, ALMATY)))
                .isEqualTo(LocalDateTime.of(2026, 11, 27, 9, 0));
    }

    @Test
    void aNonWrappingWindowEndsTheSameDay() {
        Instant lunch = at(ALMATY, 2026, 11, 26, 13, 20);
        assertThat(local(LUNCH.endOfWindow(lunch, ALMATY)))
                .isEqualTo(LocalDateTime.of(2026, 11, 26, 14, 0));
    }

    @Test
    void anInstantOutsideTheWindowIsItsOwnEnd() {
        Instant day = at(ALMATY, 2026, 11, 26, 12, 0);
        assertThat(NIGHT.endOfWindow(day, ALMATY)).isEqualTo(day);
    }

    @Test
    void anEndInsideTheSpringForwardGapMovesForward() {
        ZoneId newYork = ZoneId.of("America/New_York");
        // 2026-03-08: clocks jump from 02:00 EST to 03:00 EDT; 02:30 does not exist that night.
        QuietHours tillHalfPastTwo = new QuietHours(LocalTime.of(22, 0), LocalTime.of(2, 30));
        Instant evening = at(newYork, 2026, 3, 7, 23, 0);
        Instant end = tillHalfPastTwo.endOfWindow(evening, newYork);
        assertThat(end.atZone(newYork).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2026, 3, 8, 3, 30));
        assertThat(end).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
    }

    @Test
    void boundsAreRequired() {
        assertThatNullPointerException().isThrownBy(() -> new QuietHours(null, LocalTime.NOON));
        assertThatNullPointerException().isThrownBy(() -> new QuietHours(LocalTime.NOON, null));
    }

    private static Instant at(ZoneId zone, int y, int mo, int d, int h, int mi) {
        return ZonedDateTime.of(y, mo, d, h, mi, 0, 0, zone).toInstant();
    }

    private static LocalDateTime local(Instant instant) {
        return instant.atZone(ALMATY).toLocalDateTime();
    }
}
