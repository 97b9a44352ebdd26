package com.buildcrm.packs.panelhouses;

import com.buildcrm.plugin.api.Extraction;
import com.buildcrm.plugin.api.ExtractionRequest;
import com.buildcrm.plugin.api.text.NumberMatch;
import com.buildcrm.plugin.api.text.RussianNumbers;
import com.buildcrm.plugin.api.text.TextNormalizer;
import com.buildcrm.plugin.api.text.YesNo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads house sizes, windows, doors, the foundation answer and the project answer from one client
 * message. Deterministic and fast; never throws on odd input.
 */
final class PanelHousesExtractor {

    /** Only the start of a longer message is read. */
    static final int MAX_MESSAGE = 4_000;

    static final BigDecimal MIN_SIDE = BigDecimal.valueOf(2);
    static final BigDecimal MAX_SIDE = BigDecimal.valueOf(50);
    static final BigDecimal MIN_HEIGHT = BigDecimal.valueOf(2);
    static final BigDecimal MAX_HEIGHT = BigDecimal.valueOf(10);
    static final long MAX_OPENINGS = 100;

    private static final Pattern WORD = Pattern.compile("(?U)[\\p{L}]+");

    /** Words after a number that make it something other than a size or a count. */
    private static final List<String> NOT_A_QUANTITY =
            List.of(
                    "тенге", "тг", "тнг", "руб", "долл", "usd", "kzt", "процент", "час", "утра",
                    "вечера", "ночи", "числ", "январ", "феврал", "март", "апрел", "мая", "май",
                    "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр", "год", "лет",
                    "мин", "сек", "сот", "кв", "квадрат", "этаж", "комнат", "спал", "человек",
                    "чел", "мм", "месяц", "недел", "дней", "день", "дня", "раз", "сутк", "тыс",
                    "млн", "кг", "тонн", "км", "мешк", "куб", "гектар", "га");

    private static final Set<String> UNIT_WORDS =
            Set.of("м", "метр", "метра", "метров", "метре", "m", "mt", "meter", "meters", "метрах");
    private static final Set<String> SEPARATORS = Set.of("на", "х", "x", "by");
    private static final Set<String> FILLERS =
            Set.of(
                    "шт",
                    "штук",
                    "штуки",
                    "штука",
                    "примерно",
                    "около",
                    "где",
                    "то",
                    "будет",
                    "всего",
                    "нужно",
                    "надо",
                    "хотим",
                    "планируем",
                    "планирую",
                    "тоже",
                    "только",
                    "ну",
                    "вот",
                    "же");
    private static final Set<String> CALL_WORDS =
            Set.of("звон", "позвон", "созвон", "набер", "перезвон", "связ", "удобн", "время");
    private static final Set<String> TIME_PREPOSITIONS = Set.of("до", "после", "к", "в", "с");
    private static final List<String> TOPICS =
            List.of(
                    "фундамент",
                    "фундамет",
                    "цокол",
                    "окн",
                    "окон",
                    "окош",
                    "двер",
                    "проект",
                    "фото",
                    "фотк",
                    "чертеж",
                    "эскиз",
                    "картинк",
                    "длин",
                    "ширин",
                    "высот",
                    "потол");

    private record Word(String text, int start, int end) {}

    Extraction extract(ExtractionRequest request) {
        // a WhatsApp answer is short; a pasted essay must not eat the platform's time limit
        String raw =
                request.text().length() > MAX_MESSAGE
                        ? request.text().substring(0, MAX_MESSAGE)
                        : request.text();
        String expected = request.expectedField();
        String text = RussianNumbers.prepare(raw);
        List<Word> words = words(text);
        boolean callContext = containsAny(words, CALL_WORDS);
        List<NumberMatch> numbers = new ArrayList<>();
        for (NumberMatch m : RussianNumbers.matches(text)) {
            if (isQuantity(m, text, words, callContext)) {
                numbers.add(m);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Set<String> unclear = new HashSet<>();
        Set<NumberMatch> claimed = new HashSet<>();

        openingSizes(text, words, numbers, claimed, unclear);
        sizesFromSeparators(text, numbers, claimed, out);
        sizesAfterSizeWord(text, words, numbers, claimed, out);
        sizesFromLabels(text, words, numbers, claimed, out);
        openings(text, words, numbers, claimed, out);
        bareAnswer(expected, text, numbers, claimed, out);

        List<String> foundationTopic = List.of("фундамент", "фундамет", "цокол");
        Optional<Boolean> foundation = topicAnswer(raw, foundationTopic, false, unclear);
        if (foundation.isEmpty()
                && "foundation_closed".equals(expected)
                && !unclear.contains("foundation_closed")) {
            if (mentions(raw, foundationTopic) || aboutFoundationItself(raw)) {
                // "фундамент будет ленточный", "уже залили": about the foundation, not the plinth
                unclear.add("foundation_closed");
            } else {
                foundation = bareYesNo(raw);
            }
        }
        foundation.ifPresent(v -> out.put("foundation_closed", v));

        Optional<Boolean> project =
                topicAnswer(
                        raw,
                        List.of(
                                "проект",
                                "фото",
                                "фотк",
                                "чертеж",
                                "эскиз",
                                "картинк",
                                "рисун",
                                "планировк",
                                "photo",
                                "project"),
                        true,
                        unclear);
        if (project.isEmpty() && "has_project".equals(expected)) {
            project =
                    attachment(raw)
                            ? Optional.of(true)
                            : unclear.contains("has_project") ? Optional.empty() : bareYesNo(raw);
        } else if (project.isPresent() && attachment(raw)) {
            project = Optional.of(true);
        }
        project.ifPresent(v -> out.put("has_project", v));
        if (attachment(raw)) {
            unclear.remove("has_project");
        }
        unclear.removeAll(out.keySet());
        return new Extraction(out, unclear);
    }

    // ---- sizes ----

    private static void sizesFromSeparators(
            String text,
            List<NumberMatch> numbers,
            Set<NumberMatch> claimed,
            Map<String, Object> out) {
        for (int i = 0; i + 1 < numbers.size(); i++) {
            NumberMatch a = numbers.get(i);
            NumberMatch b = numbers.get(i + 1);
            if (claimed.contains(a) || claimed.contains(b) || !isSeparator(between(text, a, b))) {
                continue;
            }
            NumberMatch c = null;
            if (i + 2 < numbers.size() && isSeparator(between(text, b, numbers.get(i + 2)))) {
                c = numbers.get(i + 2);
            }
            BigDecimal length = metres(text, a);
            BigDecimal width = metres(text, b);
            if (side(length) && side(width)) {
                out.put("length_m", length);
                out.put("width_m", width);
                claimed.add(a);
                claimed.add(b);
                if (c != null) {
                    BigDecimal height = metres(text, c);
                    if (height(height)) {
                        out.put("height_m", height);
                    }
                    claimed.add(c);
                }
                return;
            }
        }
    }

    /** "размер 10 12", "габариты 8 10": two numbers right after a size word. */
    private static void sizesAfterSizeWord(
            String text,
            List<Word> words,
            List<NumberMatch> numbers,
            Set<NumberMatch> claimed,
            Map<String, Object> out) {
        if (out.containsKey("length_m")) {
            return;
        }
        for (Word w : words) {
            if (!w.text.startsWith("размер") && !w.text.startsWith("габарит")) {
                continue;
            }
            for (int i = 0; i + 1 < numbers.size(); i++) {
                NumberMatch a = numbers.get(i);
                NumberMatch b = numbers.get(i + 1);
                if (a.start() < w.end || claimed.contains(a) || claimed.contains(b)) {
                    continue;
                }
                String lead = text.substring(w.end, a.start()).strip();
                String gap = text.substring(a.end(), b.start()).replace(',', ' ').strip();
                if (lead.length() <= 12 && (gap.isEmpty() || UNIT_WORDS.contains(gap))) {
                    BigDecimal l = metres(text, a);
                    BigDecimal wd = metres(text, b);
                    if (side(l) && side(wd)) {
                        out.put("length_m", l);
                        out.put("width_m", wd);
                        claimed.add(a);
                        claimed.add(b);
                    }
                }
                return;
            }
        }
    }

    private static void sizesFromLabels(
            String text,
            List<Word> words,
            List<NumberMatch> numbers,
            Set<NumberMatch> claimed,
            Map<String, Object> out) {
        for (int w = 0; w < words.size(); w++) {
            Word word = words.get(w);
            String key = sizeKey(word.text);
            if (key == null) {
                continue;
            }
            // "длина 14", "высота стен 3 м", "потолки 2,7"
            NumberMatch after = null;
            for (NumberMatch m : numbers) {
                if (m.start() >= word.end && !claimed.contains(m)) {
                    if (m.start() - word.end <= 24 && noTopicBetween(words, word.end, m.start())) {
                        after = m;
                    }
                    break;
                }
            }
            // "14 в длину", "3 метра в высоту", "8 м шириной"
            NumberMatch before = null;
            for (int i = numbers.size() - 1; i >= 0; i--) {
                NumberMatch m = numbers.get(i);
                if (m.end() <= word.start && !claimed.contains(m)) {
                    String gap = text.substring(m.end(), word.start).strip();
                    if (gap.isEmpty() || gap.matches("(?U)(м|метр\\p{L}*|m)?\\.?\\s*(в|по)?")) {
                        before = m;
                    }
                    break;
                }
            }
            boolean suffixForm = word.text.startsWith("в") || word.text.endsWith("ой");
            NumberMatch chosen =
                    before != null && (after == null || suffixForm || prefixedByV(words, w))
                            ? before
                            : after;
            if (chosen == null) {
                continue;
            }
            BigDecimal value =
                    key.equals("height_m")
                            ? heightValue(text, numbers, chosen, claimed)
                            : metres(text, chosen);
            boolean ok = key.equals("height_m") ? height(value) : side(value);
            if (ok) {
                out.put(key, value);
                claimed.add(chosen);
            }
        }
    }

    private static boolean prefixedByV(List<Word> words, int w) {
        return w > 0 && words.get(w - 1).text.equals("в");
    }

    private static String sizeKey(String word) {
        if (word.startsWith("длин") || word.equals("length")) {
            return "length_m";
        }
        if (word.startsWith("ширин") || word.equals("width")) {
            return "width_m";
        }
        if (word.startsWith("высот")
                || word.startsWith("потол")
                || word.equals("height")
                || word.equals("h")) {
            return "height_m";
        }
        return null;
    }

    private static void bareAnswer(
            String expected,
            String text,
            List<NumberMatch> numbers,
            Set<NumberMatch> claimed,
            Map<String, Object> out) {
        if (expected == null) {
            return;
        }
        List<NumberMatch> free = numbers.stream().filter(m -> !claimed.contains(m)).toList();
        if (free.isEmpty()) {
            return;
        }
        switch (expected) {
            case "length_m", "width_m", "height_m" -> {
                if (out.containsKey("length_m")
                        || out.containsKey("width_m")
                        || out.containsKey("height_m")) {
                    return;
                }
                if (expected.equals("length_m") && free.size() >= 2) {
                    // "10 12" or "10, 12" after "какие размеры?"
                    BigDecimal l = metres(text, free.get(0));
                    BigDecimal w = metres(text, free.get(1));
                    if (side(l) && side(w)) {
                        out.put("length_m", l);
                        out.put("width_m", w);
                        if (free.size() >= 3 && height(metres(text, free.get(2)))) {
                            out.put("height_m", metres(text, free.get(2)));
                        }
                        return;
                    }
                }
                BigDecimal v =
                        expected.equals("height_m")
                                ? heightValue(text, numbers, free.get(0), claimed)
                                : metres(text, free.get(0));
                if (expected.equals("height_m") ? height(v) : side(v)) {
                    out.put(expected, v);
                }
            }
            case "windows", "doors" -> {
                if (!out.containsKey(expected)) {
                    count(free.get(0).value()).ifPresent(n -> out.put(expected, n));
                }
            }
            default -> {}
        }
    }

    /**
     * A wall height; "два семьдесят" / "2 70" (metres then centimetres, as people say it) is 2.7.
     */
    private static BigDecimal heightValue(
            String text, List<NumberMatch> numbers, NumberMatch m, Set<NumberMatch> claimed) {
        int i = numbers.indexOf(m);
        BigDecimal metres = metres(text, m);
        if (i >= 0 && i + 1 < numbers.size() && metres.scale() <= 0) {
            NumberMatch next = numbers.get(i + 1);
            BigDecimal cm = next.value();
            boolean adjacent = text.substring(m.end(), next.start()).isBlank();
            if (adjacent
                    && metres.compareTo(BigDecimal.TEN) < 0
                    && cm.compareTo(BigDecimal.TEN) >= 0
                    && cm.compareTo(BigDecimal.valueOf(99)) <= 0
                    && cm.scale() <= 0) {
                claimed.add(next);
                return metres.add(cm.movePointLeft(2)).stripTrailingZeros();
            }
        }
        return metres;
    }

    /** Centimetres ("270 см") become metres; everything else is taken as metres. */
    private static BigDecimal metres(String text, NumberMatch m) {
        String after = text.substring(m.end()).strip();
        if (after.startsWith("см") || after.startsWith("сантим")) {
            return m.value().movePointLeft(2).stripTrailingZeros();
        }
        return m.value();
    }

    private static boolean side(BigDecimal v) {
        return v != null && v.compareTo(MIN_SIDE) >= 0 && v.compareTo(MAX_SIDE) <= 0;
    }

    private static boolean height(BigDecimal v) {
        return v != null && v.compareTo(MIN_HEIGHT) >= 0 && v.compareTo(MAX_HEIGHT) <= 0;
    }

    private static String between(String text, NumberMatch a, NumberMatch b) {
        return text.substring(a.end(), b.start());
    }

    private static boolean isSeparator(String gap) {
        String[] parts = gap.replace(',', ' ').replace('.', ' ').strip().split("\\s+");
        String separator = null;
        for (String p : parts) {
            if (p.isEmpty() || UNIT_WORDS.contains(p)) {
                continue;
            }
            if (separator != null || !SEPARATORS.contains(p)) {
                return false;
            }
            separator = p;
        }
        return separator != null;
    }

    // ---- windows and doors ----

    /** A window or door side: up to 3.5 m, or 40–350 cm. */
    private static boolean openingSize(String text, NumberMatch m) {
        BigDecimal v = m.value();
        return v.signum() > 0
                && (v.compareTo(new BigDecimal("3.5")) <= 0
                        || (v.compareTo(BigDecimal.valueOf(40)) >= 0
                                && v.compareTo(BigDecimal.valueOf(350)) <= 0));
    }

    /** "окна 1,5 на…", "окно размером 1,5 на…": an opening word just before the number. */
    private static String openingRightBefore(String text, List<Word> words, NumberMatch m) {
        int seen = 0;
        for (int i = words.size() - 1; i >= 0 && seen < 2; i--) {
            Word w = words.get(i);
            if (w.end > m.start()) {
                continue;
            }
            String gap = text.substring(w.end, seen == 0 ? m.start() : words.get(i + 1).start);
            if (!gap.matches("[\\s:—-]*")) {
                return null;
            }
            String key = openingKey(w.text);
            if (key != null) {
                return key;
            }
            if (!w.text.startsWith("размер") && !w.text.equals("по")) {
                return null;
            }
            seen++;
        }
        return null;
    }

    /** "1,5 на 1,2 окна": an opening word just after the number (a comma ends it). */
    private static String openingRightAfter(String text, List<Word> words, NumberMatch m) {
        for (Word w : words) {
            if (w.start < m.end()) {
                continue;
            }
            String gap = text.substring(m.end(), w.start);
            String unit = gap.strip();
            if (!gap.isBlank() && !UNIT_WORDS.contains(unit) && !unit.equals("см")) {
                return null;
            }
            if (UNIT_WORDS.contains(w.text) || w.text.equals("см")) {
                continue;
            }
            return openingKey(w.text);
        }
        return null;
    }

    /**
     * "окна 1,5 на 1,2", "дверь 90 на 200": the size of an opening, not how many there are. Its
     * numbers are claimed (so they are not read as a count) and the count is unclear.
     */
    private static void openingSizes(
            String text,
            List<Word> words,
            List<NumberMatch> numbers,
            Set<NumberMatch> claimed,
            Set<String> unclear) {
        for (int i = 0; i + 1 < numbers.size(); i++) {
            NumberMatch a = numbers.get(i);
            NumberMatch b = numbers.get(i + 1);
            if (claimed.contains(a) || claimed.contains(b) || !isSeparator(between(text, a, b))) {
                continue;
            }
            if (!openingSize(text, a) || !openingSize(text, b)) {
                continue; // "10 на 12 окон 6" is the house, then the windows
            }
            String key = openingRightBefore(text, words, a);
            if (key == null) {
                key = openingRightAfter(text, words, b);
            }
            if (key != null) {
                claimed.add(a);
                claimed.add(b);
                unclear.add(key);
            }
        }
    }

    private static void openings(
            String text,
            List<Word> words,
            List<NumberMatch> numbers,
            Set<NumberMatch> claimed,
            Map<String, Object> out) {
        record Link(NumberMatch number, String beforeKey, String afterKey) {}
        List<Link> links = new ArrayList<>();
        int firstKeyword = Integer.MAX_VALUE;
        for (Word w : words) {
            if (openingKey(w.text) != null) {
                firstKeyword = Math.min(firstKeyword, w.start);
            }
        }
        int firstLinked = Integer.MAX_VALUE;
        for (NumberMatch m : numbers) {
            if (claimed.contains(m)) {
                continue;
            }
            String beforeKey = neighbour(text, words, m, false);
            String afterKey = neighbour(text, words, m, true);
            if (beforeKey != null || afterKey != null) {
                links.add(new Link(m, beforeKey, afterKey));
                firstLinked = Math.min(firstLinked, m.start());
            }
        }
        boolean keywordFirst = firstKeyword < firstLinked;
        for (Link link : links) {
            String key;
            if (link.beforeKey != null && link.afterKey != null) {
                key = keywordFirst ? link.beforeKey : link.afterKey;
            } else {
                key = link.beforeKey != null ? link.beforeKey : link.afterKey;
            }
            if (out.containsKey(key)) {
                continue;
            }
            Optional<Long> n = count(link.number.value());
            if (n.isPresent()) {
                out.put(key, n.get());
                claimed.add(link.number);
            }
        }
        // "окна 4 и дверь" — a single door or window named without a number
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i).text;
            String prev = words.get(i - 1).text;
            if (prev.equals("и") && (w.equals("дверь") || w.equals("окно"))) {
                String key = openingKey(w);
                if (!out.containsKey(key) && nothingNumericAfter(text, words.get(i))) {
                    out.put(key, 1L);
                }
            }
        }
    }

    private static boolean nothingNumericAfter(String text, Word w) {
        String after = text.substring(w.end).strip();
        return after.isEmpty() || !Character.isDigit(after.charAt(0));
    }

    /** The window/door keyword right before or after the number (fillers skipped), or null. */
    private static String neighbour(String text, List<Word> words, NumberMatch m, boolean after) {
        if (after) {
            for (Word w : words) {
                if (w.start < m.end() || FILLERS.contains(w.text)) {
                    continue;
                }
                return plainGap(text, m.end(), w.start) ? openingKey(w.text) : null;
            }
            return null;
        }
        for (int i = words.size() - 1; i >= 0; i--) {
            Word w = words.get(i);
            if (w.end > m.start() || FILLERS.contains(w.text)) {
                continue;
            }
            return plainGap(text, w.end, m.start()) ? openingKey(w.text) : null;
        }
        return null;
    }

    /** No other number (digits or words) between a keyword and its number. */
    private static boolean plainGap(String text, int from, int to) {
        String gap = text.substring(from, to);
        if (gap.chars().anyMatch(Character::isDigit)) {
            return false;
        }
        return RussianNumbers.matches(gap.strip()).isEmpty();
    }

    private static String openingKey(String word) {
        if (word.startsWith("окн")
                || word.startsWith("окон")
                || word.startsWith("окош")
                || word.startsWith("window")) {
            return "windows";
        }
        if (word.startsWith("двер") || word.startsWith("door")) {
            return "doors";
        }
        return null;
    }

    private static Optional<Long> count(BigDecimal v) {
        if (v.signum() < 0 || v.stripTrailingZeros().scale() > 0) {
            return Optional.empty();
        }
        long n = v.longValue();
        return n <= MAX_OPENINGS ? Optional.of(n) : Optional.empty();
    }

    // ---- foundation and project ----

    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+[.!?\\n]*");
    private static final Set<String> NEGATIVE =
            Set.of("не", "нет", "без", "ни", "неа", "жок", "нету");
    private static final Set<String> FOUNDATION_POSITIVE =
            Set.of(
                    "да",
                    "будем",
                    "буду",
                    "нужно",
                    "надо",
                    "хотим",
                    "хочу",
                    "планируем",
                    "обязательно",
                    "конечно",
                    "давайте");
    private static final Set<String> PROJECT_POSITIVE =
            Set.of(
                    "да",
                    "есть",
                    "имеется",
                    "бар",
                    "вот",
                    "готов",
                    "готовый",
                    "свой",
                    "пришлю",
                    "скину",
                    "отправлю",
                    "вышлю",
                    "покажу",
                    "прикреплю",
                    "скинем",
                    "пришлем",
                    "отправим",
                    "скинул",
                    "отправил",
                    "прислал",
                    "прикрепил",
                    "сделан");

    /**
     * The yes/no answer about a topic ("фундамент закроем" → yes, "проекта нет" → no) in the
     * statements of the message (questions are skipped: "а фото домов есть?" is not an answer).
     */
    private static Optional<Boolean> topicAnswer(
            String raw, List<String> topic, boolean project, Set<String> unclear) {
        Boolean answer = null;
        Matcher sentences = SENTENCE.matcher(raw);
        while (sentences.find()) {
            String sentence = sentences.group();
            if (sentence.strip().endsWith("?")) {
                continue;
            }
            String text = RussianNumbers.prepare(sentence);
            List<Word> words = words(text);
            for (int i = 0; i < words.size(); i++) {
                if (!startsWithAny(words.get(i).text, topic)) {
                    continue;
                }
                if (!project && aboutAnotherFoundationQuestion(words)) {
                    unclear.add("foundation_closed");
                    continue;
                }
                if (project && photoOfSomethingElse(words)) {
                    unclear.add("has_project");
                    continue;
                }
                Boolean v = polarity(text, words, i, project);
                if (v != null) {
                    if (Boolean.TRUE.equals(v)) {
                        return Optional.of(true);
                    }
                    answer = v;
                }
            }
        }
        return Optional.ofNullable(answer);
    }

    private static Boolean polarity(String text, List<Word> words, int at, boolean project) {
        int from = at;
        while (from > 0
                && !isTopic(words.get(from - 1).text)
                && text.substring(words.get(from - 1).end, words.get(from).start).indexOf(',')
                        < 0) {
            from--;
        }
        int to = at + 1;
        while (to < words.size() && !isTopic(words.get(to).text)) {
            to++;
        }
        boolean negative = false;
        boolean positive = false;
        boolean need = false;
        for (int i = from; i < to; i++) {
            if (i == at) {
                continue;
            }
            String w = words.get(i).text;
            if (NEGATIVE.contains(w)) {
                negative = true;
            } else if (project && PROJECT_POSITIVE.contains(w)) {
                positive = true;
            } else if (!project && (FOUNDATION_POSITIVE.contains(w) || w.startsWith("закр"))) {
                positive = true;
            } else if (project
                    && (w.startsWith("нуж") || w.startsWith("разраб") || w.equals("сделать"))) {
                need = true;
            } else if (!project && (w.startsWith("обшив") || w.startsWith("утепл"))) {
                positive = true;
            }
        }
        if (negative) {
            return false;
        }
        if (positive) {
            return true;
        }
        return need ? false : null;
    }

    /** Words that answer whether the plinth will be closed (with panels, insulation, cladding). */
    private static final List<String> CLOSING =
            List.of("закр", "обшив", "обшит", "утепл", "зашив", "зашит", "панел", "облиц", "отдел");

    /**
     * Words about the foundation itself — poured, ready, its type, whether it is needed — which
     * answer a different question than "will you close the plinth with panels?".
     */
    private static final List<String> FOUNDATION_STATE =
            List.of(
                    "залит",
                    "залил",
                    "залив",
                    "зальем",
                    "зальём",
                    "заливк",
                    "готов",
                    "есть",
                    "стоит",
                    "имеется",
                    "ленточ",
                    "свай",
                    "сваи",
                    "сваях",
                    "плит",
                    "монолит",
                    "бетон",
                    "построен",
                    "построил",
                    "сдела",
                    "уже",
                    "нет",
                    "нету",
                    "будет",
                    "нужен",
                    "нужна",
                    "высот",
                    "глубин",
                    "размер",
                    "старый",
                    "новый",
                    "кирпич",
                    "блок",
                    "винтов");

    /** A sentence about the foundation that does not say whether the plinth will be closed. */
    private static boolean aboutAnotherFoundationQuestion(List<Word> words) {
        boolean closing = false;
        boolean state = false;
        for (Word w : words) {
            if (isTopic(w.text) && !w.text.startsWith("цокол")) {
                continue;
            }
            closing |= startsWithAny(w.text, CLOSING);
            state |= startsWithAny(w.text, FOUNDATION_STATE) && !w.text.startsWith("цокол");
        }
        return state && !closing;
    }

    /** "уже залили", "ленточный": the foundation's state without naming it. */
    private static boolean aboutFoundationItself(String raw) {
        List<Word> words = words(RussianNumbers.prepare(raw));
        boolean state = false;
        for (Word w : words) {
            if (startsWithAny(w.text, CLOSING)) {
                return false;
            }
            state |=
                    startsWithAny(
                            w.text,
                            List.of(
                                    "залит", "залил", "залив", "зальем", "зальём", "ленточ", "свай",
                                    "сваи", "свая", "сваях", "монолит", "бетон", "винтов"));
        }
        return state;
    }

    /** Photos of the plot, the site or the foundation are not a project of the house. */
    private static final List<String> OTHER_OBJECTS =
            List.of("участ", "земл", "мест", "территор", "фундамент", "площадк", "двор", "дорог");

    /** "фото участка", "фото нашего фундамента": the words right after a photo word. */
    private static boolean photoOfSomethingElse(List<Word> words) {
        for (int i = 0; i < words.size(); i++) {
            if (!startsWithAny(words.get(i).text, List.of("фото", "фотк", "картинк", "photo"))) {
                continue;
            }
            for (int j = i + 1; j < Math.min(words.size(), i + 3); j++) {
                String w = words.get(j).text;
                if (startsWithAny(w, List.of("дом", "проект", "планировк", "чертеж", "эскиз"))) {
                    return false;
                }
                if (startsWithAny(w, OTHER_OBJECTS)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean mentions(String raw, List<String> topic) {
        for (Word w : words(RussianNumbers.prepare(raw))) {
            if (startsWithAny(w.text, topic)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A bare yes/no answer to the question asked. A counter-question ("а это обязательно?") is not
     * an answer unless it opens with one ("да, а сколько стоит?").
     */
    private static Optional<Boolean> bareYesNo(String raw) {
        if (!raw.strip().endsWith("?")) {
            return YesNo.parse(raw);
        }
        String[] words = TextNormalizer.normalize(raw).split("[\\s,.]+");
        return words.length == 0 ? Optional.empty() : YesNo.parse(words[0]);
    }

    private static boolean attachment(String raw) {
        String s = raw.toLowerCase(java.util.Locale.ROOT);
        return s.contains("[image")
                || s.contains("[photo")
                || s.contains("[document")
                || s.contains("[фото")
                || s.contains("[изображ");
    }

    // ---- helpers ----

    private static boolean isQuantity(
            NumberMatch m, String text, List<Word> words, boolean callContext) {
        if (m.scaled()) {
            return false;
        }
        String after = text.substring(m.end()).strip();
        for (String stop : NOT_A_QUANTITY) {
            if (after.startsWith(stop)) {
                return false;
            }
        }
        if (after.startsWith("%") || after.startsWith("-го") || after.startsWith("го ")) {
            return false;
        }
        if (callContext) {
            // "перезвоните после 6", "с 10 до 12 удобно"
            for (int i = words.size() - 1; i >= 0; i--) {
                Word w = words.get(i);
                if (w.end <= m.start()) {
                    return !(TIME_PREPOSITIONS.contains(w.text)
                            && text.substring(w.end, m.start()).isBlank());
                }
            }
        }
        return true;
    }

    private static List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(new Word(m.group(), m.start(), m.end()));
        }
        return out;
    }

    private static boolean containsAny(List<Word> words, Set<String> stems) {
        for (Word w : words) {
            for (String stem : stems) {
                if (w.text.startsWith(stem)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean noTopicBetween(List<Word> words, int from, int to) {
        for (Word w : words) {
            if (w.start >= from && w.end <= to && (isTopic(w.text) || sizeKey(w.text) != null)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTopic(String word) {
        return startsWithAny(word, TOPICS);
    }

    private static boolean startsWithAny(String word, List<String> stems) {
        for (String stem : stems) {
            if (word.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }
}
