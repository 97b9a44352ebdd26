package com.buildcrm.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A daily window of local time when no follow-up is sent. {@code [from, to)}; it wraps midnight
 * when {@code from} is after {@code to} (21:00–09:00); equal bounds mean no quiet hours at all.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** Whether there is a quiet window at all. */
    public boolean isEnabled() {
        return !from.equals(to);
    }

    /** Whether this local time of day is quiet. */
    public boolean contains(LocalTime time) {
        if (!isEnabled()) {
            return false;
        }
        if (from.isBefore(to)) {
            return !time.isBefore(from) && time.isBefore(to);
        }
        return !time.isBefore(from) || time.isBefore(to);
    }

    /** Whether this instant falls in quiet hours in that zone. */
    public boolean contains(Instant instant, ZoneId zone) {
        return contains(instant.atZone(zone).toLocalTime());
    }

    /**
     * The end of the quiet window that holds {@code instant} ({@code to} on the right local date);
     * {@code instant} itself when it is not quiet. DST-safe: a {@code to} that falls in a gap moves
     * forward by the gap's length.
     */
    public Instant endOfWindow(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!contains(time)) {
            return instant;
        }
        LocalDate date = local.toLocalDate();
        // Inside a wrapping window after "from" (the evening part): the window ends tomorrow.
        if (!time.isBefore(to)) {
            date = date.plusDays(1);
        }
        return ZonedDateTime.of(date, to, zone).toInstant();
    }
}
