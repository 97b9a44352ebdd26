package com.buildcrm.packs.genericsales;

import com.buildcrm.plugin.api.Extraction;
import com.buildcrm.plugin.api.ExtractionRequest;
import com.buildcrm.plugin.api.text.RussianNumbers;
import com.buildcrm.plugin.api.text.TextNormalizer;
import com.buildcrm.plugin.api.text.YesNo;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the need, the budget and the timeline from one client message, in any industry. */
final class GenericSalesExtractor {

    /** Only the start of a longer message is read. */
    static final int MAX_MESSAGE = 4_000;

    static final int MAX_TEXT = 200;

    /** "нужен кондиционер", "интересует ремонт квартиры", "хочу купить машину". */
    private static final Pattern NEED =
            Pattern.compile(
                    "(?iU)(?:^|[\\s,.!])(?:мне |нам |очень )?(?<!\\sне )(?<!^не )(?:нужн[аоыей]?|нужен|интересу(?:ет|ют|юсь)"
                            + "|интересно|хочу|хотим|хотел[аи]? бы|хотелось бы|ищу|ищем"
                            + "|подбираю|подбираем|требуется|планирую|планируем|looking for|need"
                            + "|interested in)"
                            + "(?:\\s+(?:купить|заказать|приобрести|сделать|взять|оформить|"
                            + "установить|поставить|узнать про|узнать о|узнать по поводу))?"
                            + "\\s+(.+)");

    /** Where the object phrase ends: punctuation, or a budget/timeline/city part. */
    private static final Pattern NEED_END =
            Pattern.compile(
                    "(?U)[.!?;\\n]|,|\\s+(?:бюджет|срочно|в течение|в течении|через|до\\s+\\p{Ll}|к\\s+\\p{Ll}"
                            + "|в следующем|в этом|на следующей|за\\s+\\d|около|примерно|в районе"
                            + "|в\\s+\\p{Lu}|из\\s+\\p{Lu}|по\\s+цене|сколько|какая|какие|можно)"
                            + "|\\s+(?:до\\s+|от\\s+)?\\d[\\d\\s,.]*\\s*(?:млн|тыс|тенге|тг|₸|миллион|лям)");

    private static final Pattern GREETING =
            Pattern.compile(
                    "(?iU)^\\s*(?:здравствуйте|здраствуйте|здрасте|добрый день|добрый вечер"
                            + "|доброе утро|привет|салем|сәлеметсіз бе|салеметсиз бе|hello|hi)"
                            + "[\\s!.,)]*");

    private static final Pattern YEAR =
            Pattern.compile("(?U)(?<!\\d)(?:19|20)\\d{2}\\s*(?:год\\p{L}*|г\\.?)(?!\\p{L})");

    private static final List<Pattern> TIMELINE =
            List.of(
                    Pattern.compile("срочно"),
                    Pattern.compile("как можно (?:скорее|быстрее|раньше)"),
                    Pattern.compile("(?:побыстрее|поскорее|asap)"),
                    Pattern.compile(
                            "в течени[еи] (?:\\d+ |одного |двух |трех |пары |нескольких )?"
                                    + "(?:недел[иь]|месяц[аев]*|год[ау]?|лет|дн[ейя]|дней)"),
                    Pattern.compile(
                            "через (?:\\d+ |пару |одну |один |два |две |три |несколько )?"
                                    + "(?:недел[юиь]|месяц[аев]*|год[а]?|лет|дн[ейя]|день)"),
                    Pattern.compile(
                            "(?:до|к) (?:лет[ау]|осен[иь]|зим[еы]|весн[еы]|конц[ау] (?:года|месяца|"
                                    + "недели)|концу (?:года|месяца|недели)|нового года|новому году|нг|"
                                    + "январ[яю]|феврал[яю]|март[ау]|апрел[яю]|ма[яю]|июн[яю]"
                                    + "|июл[яю]|август[ау]|сентябр[яю]|октябр[яю]|ноябр[яю]|"
                                    + "декабр[яю])"),
                    Pattern.compile(
                            "(?:в|на) (?:следующем|этом|ближайш(?:ий|ем)|следующей|этой) "
                                    + "(?:месяце|году|неделе|квартале|месяц)"),
                    Pattern.compile("(?:летом|осенью|зимой|весной)"),
                    Pattern.compile(
                            "в (?:январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|"
                                    + "октябре|ноябре|декабре)"),
                    Pattern.compile(
                            "(?:не срочно|не спешу|не спешим|(?:пока )?(?:просто )?присматрива\\p{L}+"
                                    + "|пока просто смотр\\p{L}+|пока смотр\\p{L}+)"),
                    Pattern.compile("(?:на этой неделе|на следующей неделе|в ближайшее время)"));

    Extraction extract(ExtractionRequest request) {
        // a WhatsApp answer is short; a pasted essay must not eat the platform's time limit
        String raw =
                request.text().length() > MAX_MESSAGE
                        ? request.text().substring(0, MAX_MESSAGE)
                        : request.text();
        String expected = request.expectedField();
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<BigDecimal> budget = budget(raw);
        // a bare answer that is really an amount answers the budget question, not the one asked
        boolean money = budget.isPresent() && MONEY_ONLY.matcher(raw.strip()).matches();
        need(raw, "need".equals(expected) && !money).ifPresent(v -> out.put("need", v));
        budget.ifPresent(v -> out.put("budget_kzt", v));
        timeline(raw, "timeline".equals(expected) && budget.isEmpty())
                .ifPresent(v -> out.put("timeline", v));
        Set<String> unclear = new HashSet<>();
        if (expected != null && !out.containsKey(expected) && !raw.strip().endsWith("?")) {
            boolean otherAnswer =
                    switch (expected) {
                        // "бюджет 2 млн" or "через месяц" after "что вас интересует?"
                        case "need" -> budget.isPresent() || out.containsKey("timeline");
                        // "в следующем месяце" after "на какой бюджет?"
                        case "budget_kzt" -> out.containsKey("timeline");
                        // "около 3 млн" after "когда планируете?"
                        case "timeline" -> budget.isPresent();
                        default -> false;
                    };
            if (otherAnswer) {
                unclear.add(expected);
            }
        }
        return new Extraction(out, unclear);
    }

    /** An amount and little else: "2 млн", "около 500 тысяч тенге", "бюджет 3 000 000". */
    private static final Pattern MONEY_ONLY =
            Pattern.compile(
                    "(?iU)^(?:бюджет|около|примерно|где-?то|до|от|в районе|в пределах|не больше|максимум|\\s)*"
                            + "[\\d\\s.,]*\\p{L}{0,12}\\.?\\s*(?:тенге|тг|₸|kzt)?[\\s.!)]*$");

    static Optional<String> need(String raw, boolean asked) {
        String text = GREETING.matcher(raw).replaceFirst("").strip();
        Matcher m = NEED.matcher(text);
        if (m.find()) {
            String phrase = m.group(1);
            Matcher end = NEED_END.matcher(phrase);
            if (end.find()) {
                phrase = phrase.substring(0, end.start());
            }
            phrase = clean(phrase);
            if (phrase.length() >= 3 && !isQuestionWord(phrase) && !startsWithTimeline(phrase)) {
                return Optional.of(phrase);
            }
            return Optional.empty();
        }
        if (asked) {
            String phrase = clean(text);
            if (phrase.length() >= 3
                    && !looksLikeANameOrPlace(phrase)
                    && !startsWithTimeline(phrase)
                    && YesNo.parse(phrase).isEmpty()
                    && !undecided(phrase)
                    && !isQuestionWord(phrase)
                    && !raw.strip().endsWith("?")) {
                return Optional.of(phrase);
            }
        }
        return Optional.empty();
    }

    static Optional<BigDecimal> budget(String raw) {
        String text = YEAR.matcher(raw).replaceAll(" ");
        return RussianNumbers.parseMoney(text).filter(v -> v.signum() >= 0);
    }

    static Optional<String> timeline(String raw, boolean asked) {
        String text = TextNormalizer.normalize(raw);
        for (Pattern p : TIMELINE) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return Optional.of(m.group());
            }
        }
        if (asked) {
            String phrase = clean(GREETING.matcher(raw).replaceFirst(""));
            if (phrase.length() >= 3
                    && phrase.length() <= 100
                    && !looksLikeANameOrPlace(phrase)
                    && !CALL_WORDS.matcher(phrase).find()
                    && !(YesNo.parse(phrase).isPresent() && phrase.split("\\s+").length <= 2)
                    && !undecided(phrase)
                    && !raw.strip().endsWith("?")) {
                return Optional.of(phrase);
            }
        }
        return Optional.empty();
    }

    private static final Pattern SELF_INTRO =
            Pattern.compile("(?iU)^(?:я|это|меня зовут|мое имя|моё имя)\\s+\\p{Lu}[\\p{L}-]*$");
    private static final Pattern CALL_WORDS =
            Pattern.compile("(?iU)звон|созвон|набер|перезвон|call");

    /** "Айдар", "Алматы", "я Айдар": the core extractors' business, not a need or a timeline. */
    private static boolean looksLikeANameOrPlace(String phrase) {
        boolean oneCapitalisedWord =
                !phrase.contains(" ") && Character.isUpperCase(phrase.codePointAt(0));
        return oneCapitalisedWord || SELF_INTRO.matcher(phrase).matches();
    }

    /** "до конца года", "через месяц": a timeline, not the object of a need. */
    private static boolean startsWithTimeline(String phrase) {
        String p = TextNormalizer.normalize(phrase);
        for (Pattern t : TIMELINE) {
            if (t.matcher(p).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private static boolean undecided(String phrase) {
        String p = " " + TextNormalizer.normalize(phrase) + " ";
        return p.contains(" не знаю ")
                || p.contains(" незнаю ")
                || p.contains(" хз ")
                || p.contains(" не решил")
                || p.contains(" подумаю ")
                || p.contains(" пока не ");
    }

    private static boolean isQuestionWord(String phrase) {
        String p = phrase.toLowerCase(Locale.ROOT);
        return p.contains("прайс")
                || p.startsWith("ваши цены")
                || p.startsWith("сколько")
                || p.startsWith("узнать")
                || p.startsWith("спросить")
                || p.startsWith("позвон")
                || p.startsWith("созвон")
                || p.startsWith("поговор")
                || p.startsWith("чтобы")
                || p.startsWith("с менеджер")
                || p.startsWith("с человек")
                || p.startsWith("оператор")
                || p.startsWith("цена")
                || p.startsWith("узнать цену")
                || p.startsWith("прайс")
                || p.startsWith("стоимость");
    }

    /** Trims emoji, punctuation and spaces around a phrase and caps its length. */
    private static String clean(String phrase) {
        String s = phrase.replaceAll("[\\p{So}\\p{Cn}\\p{Cs}\\uFE0F\\u200D]", " ");
        s = s.replaceAll("\\s+", " ").strip();
        s = s.replaceAll("^[\\p{P}\\s]+|[\\p{P}\\s]+$", "");
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT).strip() : s;
    }
}
