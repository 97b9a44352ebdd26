package com.buildcrm.nextaction;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Every sentence the planner writes, Russian first and English second, in one place. Times are
 * local to the tenant's zone; durations read like a person would say them ("1 ч 5 мин", "4 дня").
 */
public final class Reasons {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DD_MM = DateTimeFormatter.ofPattern("dd.MM");
    private static final String[] RU_WEEKDAYS = {"пн", "вт", "ср", "чт", "пт", "сб", "вс"};
    private static final String[] EN_WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private final boolean en;
    private final ZoneId zone;

    private Reasons(boolean en, ZoneId zone) {
        this.en = en;
        this.zone = zone;
    }

    /** Texts for a reader: English when the locale's language is English, Russian otherwise. */
    public static Reasons of(Locale locale, ZoneId zone) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return new Reasons(english, zone);
    }

    String clientWaiting(Duration waited) {
        if (waited == null) {
            return en ? "Client waiting for a reply" : "Клиент ждёт ответа";
        }
        return (en ? "Client waiting for a reply: " : "Клиент ждёт ответа ") + duration(waited);
    }

    String callAsap(String clientWords) {
        String base =
                en
                        ? "Client asks for a call — as soon as possible"
                        : "Клиент просит позвонить — как можно скорее";
        if (clientWords == null || clientWords.isBlank()) {
            return base;
        }
        String words = clientWords.strip();
        return base
                + (en ? ". Client said: \"" + words + "\"" : ". Клиент просил: «" + words + "»");
    }

    String call(Instant due, Instant now) {
        String subject = en ? "Call " + moment(due, now, true) : callSubjectRu(due, now);
        return subject + " — " + relative(due, now, false);
    }

    String task(String title, Instant due, Instant now) {
        String name = title == null || title.isBlank() ? (en ? "Task" : "Задача") : title.strip();
        String subject = en ? "Task \"" + name + "\"" : "Задача «" + name + "»";
        if (due == null) {
            return subject + (en ? " — as soon as possible" : " — как можно скорее");
        }
        return subject + " — " + relative(due, now, true);
    }

    String hotUnassigned() {
        return en ? "Hot lead with no one assigned" : "Горячий лид без ответственного";
    }

    String noAnswer() {
        return en
                ? "The client did not answer the reminders — decide what is next"
                : "Клиент не ответил на напоминания — решите, что дальше";
    }

    String stale(long days) {
        return (en ? "No activity for " : "Нет активности ") + days(days);
    }

    /** "через 10 мин" / "просрочен(а) на 25 мин" / "сейчас". */
    private String relative(Instant due, Instant now, boolean feminine) {
        if (due.isAfter(now)) {
            long minutes = ceilMinutes(Duration.between(now, due));
            return (en ? "in " : "через ") + duration(Duration.ofMinutes(minutes));
        }
        Duration late = Duration.between(due, now);
        if (late.toMinutes() < 1) {
            return en ? "now" : "сейчас";
        }
        if (en) {
            return duration(late) + " overdue";
        }
        return (feminine ? "просрочена на " : "просрочен на ") + duration(late);
    }

    private String callSubjectRu(Instant due, Instant now) {
        LocalDate dueDay = due.atZone(zone).toLocalDate();
        LocalDate today = now.atZone(zone).toLocalDate();
        String time = HH_MM.format(due.atZone(zone));
        if (dueDay.equals(today)) {
            return "Звонок на " + time;
        }
        if (dueDay.equals(today.plusDays(1))) {
            return "Звонок на завтра " + time;
        }
        return "Звонок " + moment(due, now, false);
    }

    /**
     * A moment as a person says it: "14:00" today, "завтра в 14:00", "вчера в 14:00", "в пт 10:00"
     * within a week, else the date.
     */
    String moment(Instant at, Instant now, boolean withPreposition) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        LocalDate today = now.atZone(zone).toLocalDate();
        String time = HH_MM.format(local);
        long days = day.toEpochDay() - today.toEpochDay();
        if (days == 0) {
            return (withPreposition ? (en ? "at " : "в ") : "") + time;
        }
        if (days == 1) {
            return en ? "tomorrow at " + time : "завтра в " + time;
        }
        if (days == -1) {
            return en ? "yesterday at " + time : "вчера в " + time;
        }
        if (days > 1 && days < 7) {
            int dow = local.getDayOfWeek().getValue() - 1;
            return en
                    ? "on " + EN_WEEKDAYS[dow] + " at " + time
                    : (dow == 1 ? "во " : "в ") + RU_WEEKDAYS[dow] + " " + time;
        }
        return en
                ? "on " + DD_MM.format(local) + " at " + time
                : DD_MM.format(local) + " в " + time;
    }

    /** "меньше минуты", "12 мин", "1 ч 5 мин", "2 ч", "3 дня", "1 день 4 ч". */
    String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 1) {
            return en ? "less than a minute" : "меньше минуты";
        }
        if (minutes < 60) {
            return minutes + (en ? " min" : " мин");
        }
        long hours = minutes / 60;
        if (hours < 24) {
            long rest = minutes % 60;
            String h = hours + (en ? " h" : " ч");
            return rest == 0 ? h : h + " " + rest + (en ? " min" : " мин");
        }
        long restHours = hours % 24;
        String days = days(hours / 24);
        return restHours == 0 ? days : days + " " + restHours + (en ? " h" : " ч");
    }

    /** "1 день", "2 дня", "5 дней", "11 дней", "21 день"; "1 day", "2 days". */
    String days(long n) {
        if (en) {
            return n + (n == 1 ? " day" : " days");
        }
        return n + " " + ruPlural(n, "день", "дня", "дней");
    }

    static String ruPlural(long n, String one, String few, String many) {
        long mod100 = Math.abs(n) % 100;
        long mod10 = mod100 % 10;
        if (mod100 >= 11 && mod100 <= 14) {
            return many;
        }
        if (mod10 == 1) {
            return one;
        }
        if (mod10 >= 2 && mod10 <= 4) {
            return few;
        }
        return many;
    }

    private static long ceilMinutes(Duration d) {
        long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return (seconds + 59) / 60;
    }
}
