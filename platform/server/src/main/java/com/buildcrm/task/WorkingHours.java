package com.buildcrm.task;

import java.time.LocalTime;

/** The tenant's working day in its time zone (defaults 09:00–18:00). */
public record WorkingHours(LocalTime start, LocalTime end) {

    public static final WorkingHours DEFAULT =
            new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0));
}
