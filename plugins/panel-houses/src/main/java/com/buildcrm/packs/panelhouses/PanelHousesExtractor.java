package com.buildcrm.packs.panelhouses;

import com.buildcrm.plugin.api.Extraction;
import com.buildcrm.plugin.api.ExtractionRequest;
import com.buildcrm.plugin.api.text.NumberMatch;
import com.buildcrm.plugin.api.text.RussianNumbers;
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
        String raw = request.text();
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
        Set<NumberMatch> claimed = new HashSet<>();

        sizesFromSeparators(text, numbers, claimed, out);
        sizesFromLabels(text, words, numbers, claimed, out);
        openings(text, words, numbers, claimed, out);
        bareAnswer(expected, text, numbers, claimed, out);

        Optional<Boolean> foundation =
                topicAnswer(raw, List.of("фундамент", "фундамет", "цокол"), false);
        if (foundation.isEmpty() && "foundation_closed".equals(expected)) {
            foundation = YesNo.parse(raw);
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
                        true);
        if (project.isEmpty() && "has_project".equals(expected)) {
            project = attachment(raw) ? Optional.of(true) : YesNo.parse(raw);
        }
        project.ifPresent(v -> out.put("has_project", v));
        return new Extraction(out);
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
            if (!isSeparator(between(text, a, b))) {
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
            BigDecimal value = metres(text, chosen);
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
        if (word.startsWith("высот") || word.startsWith("потол") || word.equals("height")) {
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
                BigDecimal v = metres(text, free.get(0));
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
                    "будем",
                    "буду",
                    "нужно",
                    "надо",
                    "хотим",
                    "хочу",
                    "планируем",
                    "обязательно",
                    "конечно",
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
    private static Optional<Boolean> topicAnswer(String raw, List<String> topic, boolean project) {
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
