package com.buildcrm.task;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vocabulary of {@link CallTimeParser}: reads the client's words into a {@link Reading} (which
 * day, which time of day, "now", "in an hour"), without deciding the moment. Each table row is a
 * whole-word pattern and what it means; rows are tried in order and a matched phrase is taken out
 * of the text so that later rows do not read it again.
 */
final class CallTimePhrases {

    private CallTimePhrases() {}

    /** What kind of day the words name. */
    sealed interface Day {}

    /** Today plus n days ("сегодня", "завтра", "послезавтра", "через 2 дня"). */
    record Offset(int days) implements Day {}

    /** The next such weekday, today if the moment is still ahead. */
    record Weekday(DayOfWeek day) implements Day {}

    /** The next Saturday or Sunday. */
    record Weekend() implements Day {}

    /** Monday of the next week ("на следующей неделе"). */
    record NextWeek() implements Day {}

    /** A calendar day ("5 декабря"), this year or next. */
    record Date(int month, int day) implements Day {}

    /**
     * A time of day: call at {@code target}, or right away when the reader is already inside the
     * window {@code [target, to)}.
     */
    record Window(LocalTime target, LocalTime to) {}

    /**
     * What the words say.
     *
     * @param immediate "сейчас", "срочно", "как можно скорее"
     * @param anyTime "в любое время", "когда удобно"
     * @param in "через час": a delay from now, or {@code null}
     * @param day the day, or {@code null}
     * @param time the time of day for the tenant's working hours, or {@code null}
     */
    record Reading(
            boolean immediate,
            boolean anyTime,
            Duration in,
            Day day,
            Function<WorkingHours, Window> time) {

        boolean empty() {
            return !immediate && !anyTime && in == null && day == null && time == null;
        }
    }

    private static final String HOUR = "(\\d{1,2})(?::(\\d{2}))?";
    private static final String HOUR_WORD = "(?:\\s*(?:час\\p{L}*|ч))?";
    private static final String MERIDIEM =
            "(?:\\s*(утра|утром|дня|днем|вечера|вечером|ночи|ночью))?";
    private static final String KK_CASE = "(?:-?(?:те|та|де|да|ке|ге|ка|қа))?";

    private static final LocalTime LUNCH = LocalTime.of(13, 0);
    private static final LocalTime AFTER_LUNCH = LocalTime.of(14, 0);
    private static final LocalTime NOON = LocalTime.NOON;
    private static final LocalTime LATE_EVENING = LocalTime.of(21, 0);

    // ---- the tables ----

    private record DayWord(Pattern pattern, Day day) {}

    private static final List<DayWord> DAYS =
            List.of(
                    day(
                            "следующ\\p{L}*\\s+недел\\p{L}*|на\\s+той\\s+неделе|келесі\\s+апта\\p{L}*",
                            new NextWeek()),
                    day("послезавтр\\p{L}*|бүрсігүні|бурсигуни|бүрсүгүні", new Offset(2)),
                    day("завтр\\p{L}*|зафтра|ертең|ертен", new Offset(1)),
                    day("сегодн\\p{L}*|седня|сёдня|бүгін|бугин|бүгин|бугін", new Offset(0)),
                    day("понедельн\\p{L}*|пн|пнд|дүйсенбі\\p{L}*|дуйсенби\\p{L}*", weekday(1)),
                    day("вторник\\p{L}*|вт|сейсенбі\\p{L}*|сейсенби\\p{L}*", weekday(2)),
                    day("сред[аеуы]|ср|сәрсенбі\\p{L}*|сарсенби\\p{L}*", weekday(3)),
                    day("четверг\\p{L}*|чт|бейсенбі\\p{L}*|бейсенби\\p{L}*", weekday(4)),
                    day("пятниц\\p{L}*|пт|жұма\\p{L}*|жума\\p{L}*", weekday(5)),
                    day("суббот\\p{L}*|сб|сенбі\\p{L}*|сенби\\p{L}*", weekday(6)),
                    day("воскресен\\p{L}*|вс|вскр|жексенбі\\p{L}*|жексенби\\p{L}*", weekday(7)),
                    day("выходн\\p{L}*|уикенд\\p{L}*|демалыс\\p{L}*", new Weekend()));

    private static final Pattern DATE =
            word(
                    "(\\d{1,2})\\s+(январ|феврал|марта|апрел|ма[яй]|июн|июл|август|сентябр|октябр"
                            + "|ноябр|декабр)\\p{L}*");
    private static final List<String> MONTHS =
            List.of(
                    "январ", "феврал", "марта", "апрел", "ма", "июн", "июл", "август", "сентябр",
                    "октябр", "ноябр", "декабр");

    private static final Pattern IN =
            word(
                    "через\\s+(?:(\\d+|пару|пар|один|одну|два|две|три|четыре|пять|десять|пятнадцать"
                            + "|двадцать|тридцать|сорок)\\s*)?(полчаса|полтора\\s+часа|минут\\p{L}*"
                            + "|мин|минутк\\p{L}*|час\\p{L}*|ч|дн\\p{L}*|день|недел\\p{L}*)");
    private static final Pattern KK_IN =
            word(
                    "(\\d+|бір|бир|екі|еки|үш|уш)?\\s*(сағаттан|сагаттан|минуттан)\\s+(?:кейін|кейин)");

    private static final Pattern RANGE =
            word(
                    "(?:(?:с|от|между)\\s+)?"
                            + HOUR
                            + HOUR_WORD
                            + "\\s*(?:-|до|и)\\s*"
                            + HOUR
                            + HOUR_WORD
                            + MERIDIEM);
    private static final Pattern HALF =
            word(
                    "(?:в\\s+)?(?:пол\\s*-?\\s*|половин\\p{L}*\\s+)(первого|второго|третьего"
                            + "|четвертого|пятого|шестого|седьмого|восьмого|девятого|десятого"
                            + "|одиннадцатого|двенадцатого)"
                            + MERIDIEM);
    private static final List<String> ORDINALS =
            List.of(
                    "первого",
                    "второго",
                    "третьего",
                    "четвертого",
                    "пятого",
                    "шестого",
                    "седьмого",
                    "восьмого",
                    "девятого",
                    "десятого",
                    "одиннадцатого",
                    "двенадцатого");
    private static final Pattern UNTIL = word("до\\s+" + HOUR + HOUR_WORD + MERIDIEM);
    private static final Pattern AFTER = word("после\\s+" + HOUR + HOUR_WORD + MERIDIEM);
    private static final Pattern AT =
            word(
                    "(?:(?:в|во|к|на|около|примерно|часов\\s+в|где-то\\s+в|ближе\\s+к|сағат|сагат)"
                            + "\\s+)?"
                            + HOUR
                            + KK_CASE
                            + HOUR_WORD
                            + MERIDIEM);

    private record TimeWord(Pattern pattern, Function<WorkingHours, Window> window) {}

    /** Vague times of day, longest phrases first; mapped onto the tenant's working hours. */
    private static final List<TimeWord> TIMES =
            List.of(
                    time(
                            "ближе\\s+к\\s+вечеру|под\\s+вечер|к\\s+вечеру",
                            h -> new Window(h.end().minusHours(2), h.end())),
                    time(
                            "после\\s+работы|жұмыстан\\s+кейін|жумыстан\\s+кейин",
                            h -> new Window(h.end(), later(h.end(), 3))),
                    time(
                            "после\\s+обеда|после\\s+обед|түстен\\s+кейін|тустен\\s+кейин"
                                    + "|түстен\\s+кейин|тустен\\s+кейін|түскі\\s+астан\\s+кейін",
                            h -> new Window(AFTER_LUNCH, max(h.end(), later(AFTER_LUNCH, 1)))),
                    time(
                            "до\\s+обеда|перед\\s+обедом|түске\\s+дейін|туске\\s+дейин",
                            h -> new Window(h.start(), LUNCH)),
                    time(
                            "в\\s+обед|на\\s+обеде|обед\\p{L}*|днем|түсте|тусте",
                            h -> new Window(LUNCH, AFTER_LUNCH)),
                    time(
                            "с\\s+утра|с\\s+самого\\s+утра|рано\\s+утром|пораньше|ертемен",
                            h -> new Window(h.start(), max(NOON, later(h.start(), 1)))),
                    time(
                            "утр\\p{L}*|таңертең|танертен|таңертен|танертең|таңғы|тангы",
                            h -> new Window(morning(h), max(NOON, later(h.start(), 1)))),
                    time(
                            "вечер\\p{L}*|кешке|кешкі|кешки|кешқұрым|кешкурым|кешкісін|кешкисин",
                            h -> new Window(h.end().minusHours(1), max(LATE_EVENING, h.end()))));

    private static final Pattern ANY_TIME =
            word(
                    "в\\s+любое\\s+время|любое\\s+время|когда\\s+угодно|когда\\s+удобно"
                            + "|в\\s+течение\\s+дня|в\\s+рабочее\\s+время|кез\\s+келген\\s+уақытта");

    private static final Pattern IMMEDIATE =
            word(
                    "прямо\\s+сейчас|сейчас|щас|счас|срочно|немедленно|как\\s+можно\\s+(?:скорее"
                            + "|быстрее|раньше)|побыстрее|поскорее|скорее|asap|қазір|казир|қазыр"
                            + "|казыр|тезірек|тезирек|жедел");

    // ---- reading ----

    /** Lowercase, ё→е, "15.00"→"15:00", punctuation out, one space between words. */
    static String normalize(String words) {
        String s = words.toLowerCase(Locale.ROOT).replace('ё', 'е');
        s = s.replaceAll("(?<!\\d)(\\d{1,2})\\.(\\d{2})(?!\\d)", "$1:$2");
        s = s.replaceAll("[‐‑‒–—―]", "-");
        s = s.replaceAll("[^\\p{L}\\p{N}:\\-\\s]", " ");
        s = s.replaceAll("(?<![\\p{L}\\p{N}])-|-(?![\\p{L}\\p{N}])", " - ");
        return s.replaceAll("\\s+", " ").strip();
    }

    static Reading read(String words) {
        Text text = new Text(normalize(words));
        Duration in = null;
        Day day = null;
        Matcher m;
        if ((m = text.find(IN)) != null) {
            int n = amount(m.group(1));
            String unit = m.group(2);
            if (unit.startsWith("полчаса")) {
                in = Duration.ofMinutes(30);
            } else if (unit.startsWith("полтора")) {
                in = Duration.ofMinutes(90);
            } else if (unit.startsWith("мин")) {
                in = Duration.ofMinutes(n);
            } else if (unit.startsWith("ч")) {
                in = Duration.ofHours(n);
            } else if (unit.startsWith("недел")) {
                day = new Offset(7 * n);
            } else {
                day = new Offset(n);
            }
        } else if ((m = text.find(KK_IN)) != null) {
            int n = amount(m.group(1));
            in = m.group(2).startsWith("м") ? Duration.ofMinutes(n) : Duration.ofHours(n);
        }
        if (day == null && (m = text.find(DATE)) != null) {
            day = new Date(MONTHS.indexOf(monthStem(m.group(2))) + 1, Integer.parseInt(m.group(1)));
        }
        if (day == null) {
            for (DayWord row : DAYS) {
                if (text.find(row.pattern()) != null) {
                    day = row.day();
                    break;
                }
            }
        }
        Function<WorkingHours, Window> time = numericTime(text);
        if (time == null) {
            for (TimeWord row : TIMES) {
                if (text.find(row.pattern()) != null) {
                    time = row.window();
                    break;
                }
            }
        }
        boolean anyTime = text.find(ANY_TIME) != null;
        boolean immediate = text.find(IMMEDIATE) != null;
        return new Reading(immediate, anyTime, in, day, time);
    }

    private static Function<WorkingHours, Window> numericTime(Text text) {
        Matcher m;
        if ((m = text.find(RANGE)) != null) {
            LocalTime from = clock(m.group(1), m.group(2), m.group(5));
            LocalTime to = clock(m.group(3), m.group(4), m.group(5));
            if (from != null && to != null) {
                if (!to.isAfter(from) && to.getHour() < 12) {
                    to = to.plusHours(12);
                }
                LocalTime end = to.isAfter(from) ? to : later(from, 1);
                return h -> new Window(from, end);
            }
        }
        if ((m = text.find(HALF)) != null) {
            int hour = ORDINALS.indexOf(m.group(1));
            LocalTime at = clock(String.valueOf(hour == 0 ? 12 : hour), "30", m.group(2));
            if (at != null) {
                return h -> exact(at);
            }
        }
        if ((m = text.find(UNTIL)) != null) {
            LocalTime until = clock(m.group(1), m.group(2), m.group(3));
            if (until != null) {
                return h ->
                        new Window(
                                until.isAfter(h.start()) ? h.start() : until.minusHours(1), until);
            }
        }
        if ((m = text.find(AFTER)) != null) {
            LocalTime after = clock(m.group(1), m.group(2), m.group(3));
            if (after != null) {
                return h -> new Window(after, max(later(after, 3), h.end()));
            }
        }
        if ((m = text.find(AT)) != null) {
            LocalTime at = clock(m.group(1), m.group(2), m.group(3));
            if (at != null) {
                return h -> exact(at);
            }
        }
        return null;
    }

    /**
     * An hour as people say it: "утра"/"ночи" keep the morning, "дня"/"вечера" mean the afternoon,
     * and a bare 1–7 is the afternoon too ("в 3" → 15:00). {@code null} when it is no time.
     */
    static LocalTime clock(String hourText, String minuteText, String meridiem) {
        int hour = Integer.parseInt(hourText);
        int minute = minuteText == null ? 0 : Integer.parseInt(minuteText);
        if (hour > 24 || minute > 59) {
            return null;
        }
        if (hour == 24) {
            hour = 0;
        }
        String mer = meridiem == null ? "" : meridiem;
        if (mer.startsWith("утр")) {
            hour = hour == 12 ? 0 : hour;
        } else if (mer.startsWith("ноч")) {
            hour = hour == 12 ? 0 : hour;
        } else if (mer.startsWith("вечер")) {
            hour = hour < 12 ? hour + 12 : hour;
        } else if (mer.startsWith("дн")) {
            hour = hour >= 1 && hour <= 7 ? hour + 12 : hour;
        } else if (hour >= 1 && hour <= 7) {
            hour += 12;
        }
        return LocalTime.of(hour, minute);
    }

    /** An exact time: still "now" within its minute. */
    private static Window exact(LocalTime at) {
        LocalTime next = at.plusMinutes(1);
        return new Window(at, next.isBefore(at) ? LocalTime.MAX : next);
    }

    private static LocalTime morning(WorkingHours h) {
        LocalTime later = h.start().plusHours(1);
        return later.isBefore(NOON) && later.isAfter(h.start()) ? later : h.start();
    }

    /** {@code t} plus hours, not past the end of the day. */
    static LocalTime later(LocalTime t, int hours) {
        int minutes = t.getHour() * 60 + t.getMinute() + hours * 60;
        return minutes >= 24 * 60 ? LocalTime.of(23, 59) : LocalTime.of(minutes / 60, minutes % 60);
    }

    private static LocalTime max(LocalTime a, LocalTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static int amount(String word) {
        if (word == null) {
            return 1;
        }
        if (word.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(word);
        }
        return switch (word) {
            case "пару", "пар", "два", "две", "екі", "еки" -> 2;
            case "три", "үш", "уш" -> 3;
            case "четыре" -> 4;
            case "пять" -> 5;
            case "десять" -> 10;
            case "пятнадцать" -> 15;
            case "двадцать" -> 20;
            case "тридцать" -> 30;
            case "сорок" -> 40;
            default -> 1;
        };
    }

    private static String monthStem(String stem) {
        return stem.startsWith("ма") && !stem.equals("марта") ? "ма" : stem;
    }

    private static DayWord day(String regex, Day day) {
        return new DayWord(word("(?:(?:в|во|на|к)\\s+)?(?:" + regex + ")"), day);
    }

    private static TimeWord time(String regex, Function<WorkingHours, Window> window) {
        return new TimeWord(word(regex), window);
    }

    private static Weekday weekday(int isoDay) {
        return new Weekday(DayOfWeek.of(isoDay));
    }

    /** A pattern that matches whole words only. */
    private static Pattern word(String regex) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + regex + ")(?![\\p{L}\\p{N}])");
    }

    /** The words still unread. */
    private static final class Text {
        private String rest;

        Text(String text) {
            this.rest = text;
        }

        /** The first match, taken out of the text; {@code null} when there is none. */
        Matcher find(Pattern pattern) {
            Matcher m = pattern.matcher(rest);
            if (!m.find()) {
                return null;
            }
            rest = rest.substring(0, m.start()) + " " + rest.substring(m.end());
            return m;
        }
    }
}
