package com.buildcrm.plugin.api.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds numbers in Russian WhatsApp text: digits ({@code "12"}), decimal commas and points ({@code
 * "10,5"}, {@code "2.7"}), thousands written with spaces or points ({@code "5 000 000"}, {@code
 * "1.500.000"}), numbers in words in any common form ({@code "двенадцать"}, {@code "двадцать
 * пять"}, {@code "сто двадцать"}, {@code "одна"}, {@code "две"}, {@code "полтора"}, {@code "два с
 * половиной"}) and money multipliers ({@code "5 млн"}, {@code "500 тыс"}, {@code "500к"}, {@code
 * "пол миллиона"}, {@code "1 млн 200 тыс"}).
 *
 * <p>Phone numbers, clock times ({@code "15:00"}) and dates ({@code "12.06.2025"}) are masked out
 * first, so they are never read as quantities.
 *
 * <p>Typical use by an extractor that also needs the words around a number:
 *
 * <pre>{@code
 * String text = RussianNumbers.prepare(message);
 * for (NumberMatch m : RussianNumbers.matches(text)) {
 *     String after = text.substring(m.end());  // e.g. " окон и 2 двери"
 * }
 * }</pre>
 */
public final class RussianNumbers {

    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);

    private static final Pattern PHONE =
            Pattern.compile(
                    "(?<![\\d,.])(?:\\+\\s?7|8|7)[\\s\\-(]*\\d{3}[\\s\\-)]*\\d{3}[\\s\\-]*\\d{2}[\\s\\-]*\\d{2}(?!\\d)");
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{10,}");
    private static final Pattern LOCAL_PHONE =
            Pattern.compile("(?<!\\d)\\d{3}-\\d{2}-\\d{2}(?!\\d)");
    private static final Pattern CLOCK = Pattern.compile("(?<![\\d,.])\\d{1,2}:\\d{2}(?!\\d)");
    private static final Pattern DATE =
            Pattern.compile("(?<![\\d,.])\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}(?![\\d,.])");
    private static final Pattern SLASH_DATE =
            Pattern.compile("(?<![\\d,.])\\d{1,2}/\\d{1,2}(?![\\d,.])");
    private static final Pattern SQUARE_METRES =
            Pattern.compile(
                    "(?U)(?<![\\p{L}\\d])(?:м2|кв\\.?\\s?м\\.?|м\\.?\\s?кв\\.?)(?![\\p{L}\\d])");
    private static final Pattern K_THOUSANDS = Pattern.compile("(?U)(\\d)\\s?кк(?![\\p{L}\\d])");
    private static final Pattern K_SUFFIX = Pattern.compile("(?U)(\\d)к(?![\\p{L}\\d])");
    private static final Pattern DIGIT_LETTER =
            Pattern.compile("(?U)(?<=\\d)(?=\\p{L})|(?<=\\p{L})(?=\\d)");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(?:[.,]\\d+)?");
    private static final Pattern DOTTED_THOUSANDS = Pattern.compile("\\d{1,3}(?:\\.\\d{3}){2,}");
    private static final Pattern THREE_DIGITS = Pattern.compile("\\d{3}");

    private static final Map<String, Integer> UNITS =
            Map.ofEntries(
                    Map.entry("ноль", 0),
                    Map.entry("нуль", 0),
                    Map.entry("один", 1),
                    Map.entry("одна", 1),
                    Map.entry("одно", 1),
                    Map.entry("одного", 1),
                    Map.entry("одной", 1),
                    Map.entry("одну", 1),
                    Map.entry("два", 2),
                    Map.entry("две", 2),
                    Map.entry("двух", 2),
                    Map.entry("три", 3),
                    Map.entry("трех", 3),
                    Map.entry("четыре", 4),
                    Map.entry("четырех", 4),
                    Map.entry("пять", 5),
                    Map.entry("пяти", 5),
                    Map.entry("шесть", 6),
                    Map.entry("шести", 6),
                    Map.entry("семь", 7),
                    Map.entry("семи", 7),
                    Map.entry("восемь", 8),
                    Map.entry("восьми", 8),
                    Map.entry("девять", 9),
                    Map.entry("девяти", 9));

    private static final Map<String, Integer> TEENS =
            Map.ofEntries(
                    Map.entry("десять", 10),
                    Map.entry("десяти", 10),
                    Map.entry("одиннадцать", 11),
                    Map.entry("одинадцать", 11),
                    Map.entry("двенадцать", 12),
                    Map.entry("тринадцать", 13),
                    Map.entry("четырнадцать", 14),
                    Map.entry("пятнадцать", 15),
                    Map.entry("шестнадцать", 16),
                    Map.entry("шеснадцать", 16),
                    Map.entry("семнадцать", 17),
                    Map.entry("восемнадцать", 18),
                    Map.entry("девятнадцать", 19));

    private static final Map<String, Integer> TENS =
            Map.ofEntries(
                    Map.entry("двадцать", 20),
                    Map.entry("тридцать", 30),
                    Map.entry("сорок", 40),
                    Map.entry("сорока", 40),
                    Map.entry("пятьдесят", 50),
                    Map.entry("пятдесят", 50),
                    Map.entry("пятидесяти", 50),
                    Map.entry("шестьдесят", 60),
                    Map.entry("шестидесяти", 60),
                    Map.entry("семьдесят", 70),
                    Map.entry("семидесяти", 70),
                    Map.entry("восемьдесят", 80),
                    Map.entry("восьмидесяти", 80),
                    Map.entry("девяносто", 90),
                    Map.entry("девяноста", 90));

    private static final Map<String, Integer> HUNDREDS =
            Map.ofEntries(
                    Map.entry("сто", 100),
                    Map.entry("ста", 100),
                    Map.entry("двести", 200),
                    Map.entry("двухсот", 200),
                    Map.entry("триста", 300),
                    Map.entry("трехсот", 300),
                    Map.entry("четыреста", 400),
                    Map.entry("пятьсот", 500),
                    Map.entry("шестьсот", 600),
                    Map.entry("семьсот", 700),
                    Map.entry("восемьсот", 800),
                    Map.entry("девятьсот", 900));

    private RussianNumbers() {}

    /**
     * Prepares a message for {@link #matches(String)}: masks phone numbers, clock times and dates,
     * {@link TextNormalizer#normalize(String) normalises} it, turns {@code ₸} into {@code тенге}
     * and {@code м²} into {@code кв}, and separates digits from letters ({@code "10х12"} → {@code
     * "10 х 12"}, {@code "3м"} → {@code "3 м"}) and the signs {@code ×} and {@code *} from the
     * words around them ({@code "восемь×десять"} → {@code "восемь х десять"}). Match positions
     * refer to this string.
     */
    public static String prepare(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String s = text.replace('\u00a0', ' ').replace('\u202f', ' ');
        s = PHONE.matcher(s).replaceAll(" ");
        s = LONG_DIGITS.matcher(s).replaceAll(" ");
        s = LOCAL_PHONE.matcher(s).replaceAll(" ");
        s = CLOCK.matcher(s).replaceAll(" ");
        s = DATE.matcher(s).replaceAll(" ");
        s = SLASH_DATE.matcher(s).replaceAll(" ");
        s = s.replace("₸", " тенге ").replace("$", " долларов ").replace("²", "2");
        // "восемь×десять", "восемь*десять": the sign stands apart, as between digits
        s = s.replace("×", " × ").replace("*", " * ");
        s = TextNormalizer.normalize(s);
        s = SQUARE_METRES.matcher(s).replaceAll(" кв ");
        s = K_THOUSANDS.matcher(s).replaceAll("$1 млн");
        s = K_SUFFIX.matcher(s).replaceAll("$1 тыс");
        s = DIGIT_LETTER.matcher(s).replaceAll(" ");
        return s.replaceAll("\\s+", " ").strip();
    }

    /** Every number in a {@link #prepare(String) prepared} text, in order. */
    public static List<NumberMatch> matches(String prepared) {
        List<Token> tokens = tokens(prepared == null ? "" : prepared);
        List<NumberMatch> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Parsed p = parseAt(tokens, i, prepared);
            if (p == null) {
                i++;
            } else {
                out.add(
                        new NumberMatch(
                                p.value.stripTrailingZeros().scale() < 0
                                        ? p.value.setScale(0)
                                        : p.value.stripTrailingZeros(),
                                tokens.get(i).start,
                                tokens.get(p.next - 1).end,
                                p.words,
                                p.multiplier > 1));
                i = p.next;
            }
        }
        return out;
    }

    /** Every number in {@code text} (raw message), in order. */
    public static List<BigDecimal> numbersIn(String text) {
        return matches(prepare(text)).stream().map(NumberMatch::value).toList();
    }

    /** The first number in {@code text} (raw message), if any. */
    public static Optional<BigDecimal> parseNumber(String text) {
        return numbersIn(text).stream().findFirst();
    }

    /**
     * An amount of money in {@code text}: the largest number that has a multiplier ({@code "5
     * млн"}), a currency after it ({@code "тенге"}, {@code "тг"}, {@code "₸"}, {@code "руб"},
     * {@code "$"}) or is at least 1000 ({@code "5 000 000"}). For a range ({@code "от 3 до 5 млн"})
     * that is the upper bound. Empty when the text names no amount.
     */
    public static Optional<BigDecimal> parseMoney(String text) {
        String prepared = prepare(text);
        BigDecimal best = null;
        for (NumberMatch m : matches(prepared)) {
            boolean money =
                    m.scaled()
                            || m.value().compareTo(THOUSAND) >= 0
                            || currencyFollows(prepared.substring(m.end()));
            if (money && (best == null || m.value().compareTo(best) > 0)) {
                best = m.value();
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean currencyFollows(String after) {
        String next = after.strip();
        return next.startsWith("тенге")
                || next.startsWith("тг")
                || next.startsWith("тнг")
                || next.startsWith("руб")
                || next.startsWith("долл")
                || next.startsWith("usd")
                || next.startsWith("kzt");
    }

    private record Token(String text, int start, int end) {}

    private record Parsed(BigDecimal value, int next, boolean words, int multiplier) {}

    private static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < s.length() && s.charAt(i) != ' ') {
                i++;
            }
            int end = i;
            // trim punctuation that is not part of a number ("12." "окон," "-")
            while (start < end && isTrim(s.charAt(start))) {
                start++;
            }
            while (end > start && isTrim(s.charAt(end - 1))) {
                end--;
            }
            if (end > start) {
                out.add(new Token(s.substring(start, end), start, end));
            }
        }
        return out;
    }

    private static boolean isTrim(char c) {
        return c == ',' || c == '.' || c == '-';
    }

    private static Parsed parseAt(List<Token> tokens, int i, String source) {
        Parsed base = parseBase(tokens, i, source);
        if (base == null) {
            return null;
        }
        int j = base.next;
        BigDecimal value = base.value;
        if (j + 1 < tokens.size()
                && tokens.get(j).text.equals("с")
                && tokens.get(j + 1).text.startsWith("половин")) {
            value = value.add(HALF);
            j += 2;
        }
        int multiplier = base.multiplier;
        if (multiplier == 1 && j < tokens.size()) {
            int m = multiplier(tokens.get(j).text);
            if (m > 1) {
                multiplier = m;
                value = value.multiply(BigDecimal.valueOf(m));
                j++;
            }
        }
        if (multiplier > 1 && j < tokens.size()) {
            // "1 млн 200 тыс", "миллион двести тысяч"
            Parsed rest = parseAt(tokens, j, source);
            if (rest != null && rest.multiplier > 1 && rest.multiplier < multiplier) {
                value = value.add(rest.value);
                j = rest.next;
            }
        }
        return new Parsed(value, j, base.words, multiplier);
    }

    private static Parsed parseBase(List<Token> tokens, int i, String source) {
        String t = tokens.get(i).text;
        if (DOTTED_THOUSANDS.matcher(t).matches()) {
            return new Parsed(new BigDecimal(t.replace(".", "")), i + 1, false, 1);
        }
        if (DECIMAL.matcher(t).matches()) {
            if (t.length() <= 3 && t.chars().allMatch(Character::isDigit)) {
                // "5 000 000": groups of exactly three digits separated by one space
                StringBuilder digits = new StringBuilder(t);
                int j = i + 1;
                while (j < tokens.size()
                        && THREE_DIGITS.matcher(tokens.get(j).text).matches()
                        && tokens.get(j).start == tokens.get(j - 1).end + 1
                        && source.charAt(tokens.get(j - 1).end) == ' ') {
                    digits.append(tokens.get(j).text);
                    j++;
                }
                return new Parsed(new BigDecimal(digits.toString()), j, false, 1);
            }
            return new Parsed(new BigDecimal(t.replace(',', '.')), i + 1, false, 1);
        }
        return parseWords(tokens, i);
    }

    private static Parsed parseWords(List<Token> tokens, int i) {
        String t = word(tokens.get(i).text);
        if (t.equals("полтора") || t.equals("полторы")) {
            return new Parsed(new BigDecimal("1.5"), i + 1, true, 1);
        }
        if (t.equals("полтораста")) {
            return new Parsed(BigDecimal.valueOf(150), i + 1, true, 1);
        }
        if (t.startsWith("пол") && t.length() > 3 && multiplier(t.substring(3)) > 1) {
            int m = multiplier(t.substring(3));
            return new Parsed(HALF.multiply(BigDecimal.valueOf(m)), i + 1, true, m);
        }
        if (t.equals("пол") && i + 1 < tokens.size() && multiplier(tokens.get(i + 1).text) > 1) {
            int m = multiplier(tokens.get(i + 1).text);
            return new Parsed(HALF.multiply(BigDecimal.valueOf(m)), i + 2, true, m);
        }
        if (t.equals("тысяча") || t.equals("тысячу") || t.equals("миллион")) {
            int m = multiplier(t);
            return new Parsed(BigDecimal.valueOf(m), i + 1, true, m);
        }
        int j = i;
        int total = 0;
        boolean any = false;
        Integer h = j < tokens.size() ? HUNDREDS.get(word(tokens.get(j).text)) : null;
        if (h != null) {
            total += h;
            any = true;
            j++;
        }
        Integer tens = j < tokens.size() ? TENS.get(word(tokens.get(j).text)) : null;
        if (tens != null) {
            total += tens;
            any = true;
            j++;
            Integer u = j < tokens.size() ? UNITS.get(word(tokens.get(j).text)) : null;
            if (u != null && u > 0) {
                total += u;
                j++;
            }
        } else {
            Integer teen = j < tokens.size() ? TEENS.get(word(tokens.get(j).text)) : null;
            Integer u = j < tokens.size() ? UNITS.get(word(tokens.get(j).text)) : null;
            if (teen != null) {
                total += teen;
                any = true;
                j++;
            } else if (u != null && (!any || u > 0)) {
                total += u;
                any = true;
                j++;
            }
        }
        return any ? new Parsed(BigDecimal.valueOf(total), j, true, 1) : null;
    }

    /** Folds a common typo: "двенацать" → "двенадцать". */
    private static String word(String token) {
        if (token.endsWith("цать") && !token.endsWith("дцать")) {
            return token.substring(0, token.length() - 4) + "дцать";
        }
        if (token.endsWith("дцати")) {
            return token.substring(0, token.length() - 1) + "ь";
        }
        if (token.equals("писят") || token.equals("пиисят")) {
            return "пятьдесят";
        }
        return token;
    }

    private static int multiplier(String token) {
        if (token.startsWith("тыс") || token.startsWith("тыщ")) {
            return 1_000;
        }
        if (token.equals("млн")
                || token.startsWith("миллион")
                || token.startsWith("милион")
                || token.equals("лям")
                || token.equals("ляма")
                || token.equals("лямов")
                || token.equals("лимон")
                || token.equals("лимона")
                || token.equals("лимонов")) {
            return 1_000_000;
        }
        if (token.equals("млрд") || token.startsWith("миллиард")) {
            return 1_000_000_000;
        }
        return 1;
    }
}
