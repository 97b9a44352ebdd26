package com.buildcrm.task;

import com.buildcrm.task.CallTimePhrases.Date;
import com.buildcrm.task.CallTimePhrases.Day;
import com.buildcrm.task.CallTimePhrases.NextWeek;
import com.buildcrm.task.CallTimePhrases.Offset;
import com.buildcrm.task.CallTimePhrases.Reading;
import com.buildcrm.task.CallTimePhrases.Weekday;
import com.buildcrm.task.CallTimePhrases.Weekend;
import com.buildcrm.task.CallTimePhrases.Window;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * Reads the client's words for "when to call" ("завтра после обеда", "в 15", "кешке") into a moment
 * in the tenant's zone. The vocabulary is {@link CallTimePhrases}; this class decides the day and
 * the moment (ADR 018):
 *
 * <ul>
 *   <li>vague times of day are windows on the working hours; inside the window today means now;
 *   <li>without a named day, a moment already past today moves to tomorrow;
 *   <li>a weekday is the next such day, today when the moment is still ahead;
 *   <li>"сегодня" named explicitly never moves to tomorrow: when its moment passed, it is now;
 *   <li>"сейчас", "срочно", "в любое время" are now; words it cannot read are "as soon as possible"
 *       (a {@code null} moment) with the words kept.
 * </ul>
 *
 * The result is never before {@code now}.
 */
public final class CallTimeParser {

    private CallTimeParser() {}

    /**
     * The call time the client's words name, seen at {@code now} (in the tenant's zone), with the
     * tenant's working hours for vague words; never in the past.
     */
    public static CallTime parse(String words, ZonedDateTime now, WorkingHours hours) {
        if (words == null || words.isBlank()) {
            return new CallTime(null, null);
        }
        WorkingHours working = hours == null ? WorkingHours.DEFAULT : hours;
        Reading reading = CallTimePhrases.read(words);
        if (reading.empty()) {
            return new CallTime(null, words);
        }
        ZonedDateTime at = moment(reading, now, working);
        if (at == null) {
            return new CallTime(null, words);
        }
        return new CallTime((at.isBefore(now) ? now : at).toInstant(), words);
    }

    private static ZonedDateTime moment(Reading r, ZonedDateTime now, WorkingHours hours) {
        if (r.in() != null) {
            return now.plus(r.in());
        }
        Window window;
        if (r.time() != null) {
            window = r.time().apply(hours);
        } else if (r.day() != null) {
            window = new Window(hours.start(), hours.end());
        } else {
            return now; // "сейчас", "срочно", "в любое время"
        }
        LocalDate today = now.toLocalDate();
        Day day = r.day();
        if (day == null) {
            return on(today, window, now).orElseGet(() -> on(today.plusDays(1), window, now).get());
        }
        if (day instanceof Offset o) {
            return on(today.plusDays(o.days()), window, now).orElse(now);
        }
        if (day instanceof Weekday w) {
            LocalDate next = today.with(TemporalAdjusters.nextOrSame(w.day()));
            return on(next, window, now).orElseGet(() -> on(next.plusWeeks(1), window, now).get());
        }
        if (day instanceof NextWeek) {
            LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            return on(monday, window, now).orElse(now);
        }
        if (day instanceof Weekend) {
            for (LocalDate d = today; ; d = d.plusDays(1)) {
                if (d.getDayOfWeek() == DayOfWeek.SATURDAY
                        || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    Optional<ZonedDateTime> at = on(d, window, now);
                    if (at.isPresent()) {
                        return at.get();
                    }
                }
            }
        }
        Date d = (Date) day;
        LocalDate date;
        try {
            date = LocalDate.of(today.getYear(), d.month(), d.day());
        } catch (DateTimeException e) {
            return null; // "31 ноября": cannot be read
        }
        if (date.isBefore(today)) {
            date = date.plusYears(1);
        }
        return on(date, window, now).orElse(now);
    }

    /**
     * The window's moment on {@code date}: its target, or now when now is already inside it; empty
     * when the window is over.
     */
    private static Optional<ZonedDateTime> on(LocalDate date, Window window, ZonedDateTime now) {
        ZonedDateTime target = ZonedDateTime.of(date, window.target(), now.getZone());
        if (!target.isBefore(now)) {
            return Optional.of(target);
        }
        ZonedDateTime end = ZonedDateTime.of(date, window.to(), now.getZone());
        return now.isBefore(end) ? Optional.of(now) : Optional.empty();
    }
}
