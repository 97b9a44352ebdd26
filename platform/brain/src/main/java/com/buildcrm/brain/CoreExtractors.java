package com.buildcrm.brain;

import com.buildcrm.plugin.api.ExtractionRequest;
import com.buildcrm.plugin.api.text.TextNormalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the core qualification keys every pack has — {@code name}, {@code city} and {@code
 * preferred_call_time} — from a client message. Packs extract their own keys; a pack's value for a
 * core key wins over these.
 */
public final class CoreExtractors {

    /** The client's name (TEXT). */
    public static final String NAME = "name";

    /** The client's city (TEXT, canonical Russian name for known Kazakhstan cities). */
    public static final String CITY = "city";

    /** When the client wants to be called (TEXT, the client's own wording). */
    public static final String CALL_TIME = "preferred_call_time";

    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;

    /**
     * A city and its forms. {@code inContext} matches forms that are also ordinary words ("есик" is
     * Kazakh for "door", "семей" the genitive of "семьи"): they count only after "в", "из", "г." or
     * when the city was asked.
     */
    private record City(String name, Pattern pattern, Pattern inContext, Pattern bare) {}

    private static City city(String name, String stems) {
        return city(name, stems, null);
    }

    private static City city(String name, String stems, String ambiguous) {
        Pattern plain =
                Pattern.compile(
                        "(?<![\\w-])(?:" + stems + ")(?:" + KAZAKH_CASE + ")?(?![\\w-])", FLAGS);
        if (ambiguous == null) {
            return new City(name, plain, null, null);
        }
        Pattern context =
                Pattern.compile(
                        "(?<![\\w-])(?:в|во|из|с|по|г\\.?|город|городе|города)\\s+(?:"
                                + ambiguous
                                + ")(?![\\w-])",
                        FLAGS);
        Pattern bare = Pattern.compile("(?:г\\.?\\s*|город\\s+)?(?:" + ambiguous + ")", FLAGS);
        return new City(name, plain, context, bare);
    }

    /** Kazakh case suffixes, folded ("Алматыда", "Астанадан", "Шымкентке"). */
    private static final String KAZAKH_CASE =
            "да|де|та|те|дан|ден|тан|тен|нан|нен|га|ге|ка|ке|на|не|дагы|дегы|тагы|тегы";

    /** Russian case endings of city names ("в Шымкенте", "из Павлодара"). */
    private static final String CASE = "(?:а|е|у|ом)?";

    /** Kazakhstan cities: canonical Russian name and the forms clients write (normalised text). */
    private static final List<City> CITIES =
            List.of(
                    city("Алматы", "алмат[аыуе]|алма-?\\s?ат[аыуе]?|almaty|alma-?\\s?ata"),
                    city(
                            "Астана",
                            "астан[аыуе]|астаной|нур-?\\s?султан"
                                    + CASE
                                    + "|нурсултан"
                                    + CASE
                                    + "|акмол[аыуе]|astana|nur-?\\s?sultan"),
                    city("Шымкент", "шымкент" + CASE + "|чимкент" + CASE + "|shymkent"),
                    city("Караганда", "караганд(?:а|ы|е|у|ой)|karaganda|qaragandy"),
                    city("Актобе", "актобе|актюбинск" + CASE + "|aktobe"),
                    city("Тараз", "тараз" + CASE + "|джамбул" + CASE + "|taraz"),
                    city("Павлодар", "павлодар" + CASE + "|pavlodar"),
                    city(
                            "Усть-Каменогорск",
                            "усть-?\\s?каменогорск"
                                    + CASE
                                    + "|оскемен(?:е|а|у|де|нен)?|ust-?\\s?kamenogorsk|oskemen"),
                    city("Семей", "семипалатинск" + CASE + "|semey", "семе[йея]"),
                    city("Атырау", "атырау|гурьев" + CASE + "|atyrau"),
                    city("Костанай", "(?:ко|ку)стана(?:й|я|е|ю|ем)|kostanay"),
                    city("Кызылорда", "кызыл-?\\s?орд(?:а|ы|е|у|ой)|kyzylorda"),
                    city("Уральск", "уральск" + CASE + "|uralsk", "орал"),
                    city("Петропавловск", "петропавловск" + CASE + "|кызылжар|petropavlovsk"),
                    city("Актау", "актау|aktau"),
                    city("Темиртау", "темиртау|temirtau"),
                    city("Туркестан", "туркестан" + CASE + "|turkestan"),
                    city("Кокшетау", "кокшетау|кокчетав" + CASE + "|kokshetau"),
                    city("Талдыкорган", "талдыкорган" + CASE + "|taldykorgan"),
                    city("Экибастуз", "[эе]кибастуз" + CASE + "|ekibastuz"),
                    city("Жезказган", "жезказган" + CASE + "|zhezkazgan"),
                    city(
                            "Конаев",
                            "конаев(?:а|е|у|ым)?|капч?ша?га(?:й|я|е|ю|ем)|капчага(?:й|я|е|ю|ем)|konaev|kapchagay"),
                    city("Каскелен", "каскелен" + CASE + "|kaskelen"),
                    city("Талгар", "талгар" + CASE + "|talgar"),
                    city("Есик", "иссык" + CASE + "|esik", "есик" + CASE));

    /** A place that is not a city in the list: accepted as written when the city was asked. */
    private static final Pattern PLACE_MARKER =
            Pattern.compile(
                    "(?<!\\w)(?:с\\.|село|селе|пос\\.|поселок|поселке|п\\.|аул|ауыл|мкр|область|обл\\.?|район|р-н)(?!\\w)",
                    FLAGS);

    private static final Pattern NAME_INTRO =
            Pattern.compile(
                    "(?:меня\\s+зовут|зовут\\s+меня|мое\\s+имя|моё\\s+имя|имя\\s*[:-]|менин\\s+атым|менің\\s+атым|атым|my\\s+name\\s+is)\\s+([\\p{L}-]+)(?:\\s+([\\p{L}-]+))?",
                    FLAGS | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern NAME_SELF =
            Pattern.compile(
                    "(?:^|[\\s,.!])(?:я|это|i\\s+am|i'm|im)\\s+([\\p{L}-]+)([\\s,.!)]*$|\\s*[,.!])?",
                    FLAGS | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** "Ержан меня зовут", "Айгерим моё имя": the name before the introduction. */
    private static final Pattern NAME_BEFORE_INTRO =
            Pattern.compile(
                    "(?:^|[\\s,.!])([\\p{L}-]+)\\s+(?:меня\\s+зовут|зовут\\s+меня|мо[её]\\s+имя|это\\s+я|менин\\s+атым|менің\\s+атым)(?![\\p{L}])",
                    FLAGS | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** "С уважением, Айгуль": a signature. */
    private static final Pattern SIGNATURE =
            Pattern.compile(
                    "(?:с\\s+уважением|с\\s+уваж\\.?|best\\s+regards|kind\\s+regards|regards)\\s*[,:\\-—]?\\s*([\\p{L}-]+)(?:\\s+([\\p{L}-]+))?",
                    FLAGS | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** A request to call or write back: a name said next to it is the client's own. */
    private static final Pattern CALL_REQUEST =
            Pattern.compile(
                    "(?:набер|набир|позвон|перезвон|звякн|звоните|созвон|свяжите|свяжитесь|call\\s+me|call\\s+back)",
                    FLAGS | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** A capitalised word alone between commas: "наберите меня, Ержан, сегодня". */
    private static final Pattern BETWEEN_COMMAS =
            Pattern.compile("[,;]\\s*(\\p{Lu}[\\p{L}-]+)\\s*,", FLAGS);

    /** A capitalised word closing the message: "Можете перезвонить? Сергей". */
    private static final Pattern AT_THE_END =
            Pattern.compile("(?:[,.!?;:)]|\\s[-—])\\s*(\\p{Lu}[\\p{L}-]+)[\\s.!)]*$", FLAGS);

    /** A capitalised word opening the message: "Сергей, перезвоните после 6". */
    private static final Pattern AT_THE_START =
            Pattern.compile("^\\s*(\\p{Lu}[\\p{L}-]+)\\s*[,.!]", FLAGS);

    /** "Здравствуйте, Айгуль": a name right after a greeting addresses us, not the client. */
    private static final Pattern AFTER_GREETING =
            Pattern.compile(
                    "(?:здравствуйте|здраствуйте|привет|добрый\\s+(?:день|вечер)|доброе\\s+утро|салам|салем|hello|hi)[\\s,!.]*$",
                    FLAGS | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Personal names that are also (former) city names: a name where a name is said. */
    private static final Set<String> NAMES_LIKE_CITIES = Set.of("нурсултан", "алмас", "орал");

    /** "Ержан, завтра в 10": a name first, then something else. */
    private static final Pattern LEADING_NAME = Pattern.compile("^([\\p{L}-]+)\\s*[,.!]\\s*\\S");

    /** Words that follow "я"/"это" or stand alone but are not names. */
    private static final Set<String> NOT_NAMES =
            Set.copyOf(
                    List.of(
                            "да",
                            "нет",
                            "ок",
                            "окей",
                            "ok",
                            "хорошо",
                            "ладно",
                            "спасибо",
                            "пожалуйста",
                            "привет",
                            "здравствуйте",
                            "салам",
                            "салем",
                            "хочу",
                            "хотел",
                            "хотела",
                            "хотим",
                            "думаю",
                            "думала",
                            "думал",
                            "из",
                            "в",
                            "во",
                            "с",
                            "со",
                            "на",
                            "по",
                            "за",
                            "к",
                            "не",
                            "ни",
                            "бы",
                            "уже",
                            "тоже",
                            "сам",
                            "сама",
                            "живу",
                            "интересуюсь",
                            "могу",
                            "буду",
                            "был",
                            "была",
                            "согласен",
                            "согласна",
                            "понял",
                            "поняла",
                            "знаю",
                            "здесь",
                            "тут",
                            "клиент",
                            "клиентка",
                            "менеджер",
                            "только",
                            "просто",
                            "когда",
                            "еще",
                            "ещё",
                            "вам",
                            "вас",
                            "вы",
                            "мы",
                            "он",
                            "она",
                            "они",
                            "писал",
                            "писала",
                            "звоню",
                            "пишу",
                            "спросить",
                            "узнать",
                            "насчет",
                            "насчёт",
                            "по",
                            "про",
                            "дом",
                            "дома",
                            "цена",
                            "цену",
                            "сколько",
                            "какой",
                            "какая",
                            "что",
                            "кто",
                            "где",
                            "вот",
                            "так",
                            "ну",
                            "ага",
                            "угу",
                            "давайте",
                            "можно",
                            "нужно",
                            "надо",
                            "конечно",
                            "тот",
                            "та",
                            "то",
                            "это",
                            "этот",
                            "эта",
                            "сейчас",
                            "завтра",
                            "сегодня",
                            "вечером",
                            "утром",
                            "днем",
                            "днём",
                            "бот",
                            "человек",
                            "not",
                            "interested",
                            "please",
                            "from",
                            "a",
                            "the",
                            "here",
                            "fine",
                            "good",
                            "yes",
                            "no",
                            "looking",
                            "going",
                            "just",
                            "calling",
                            "writing",
                            "взрослый",
                            "новый",
                            "ваш",
                            "ваша",
                            "мой",
                            "моя",
                            "наш",
                            "наша",
                            "сюда",
                            "туда",
                            "снова",
                            "опять",
                            "владелец",
                            "хозяин",
                            "покупатель",
                            "строитель",
                            "прораб",
                            "хм",
                            "хмм",
                            "ммм",
                            "эээ",
                            "пока",
                            "понятно",
                            "ясно",
                            "интересно",
                            "норм",
                            "супер",
                            "класс",
                            "отлично",
                            "image",
                            "photo",
                            "фото",
                            "видео",
                            "стикер",
                            "не знаю",
                            "здрасте",
                            "здраствуйте",
                            "добрый",
                            "доброе",
                            "день",
                            "вечер",
                            "утро",
                            "срочно",
                            "пожалуйста",
                            "пж",
                            "плиз",
                            "спс",
                            "рахмет",
                            "алло",
                            "алле",
                            "извините",
                            "простите",
                            "можете",
                            "можно",
                            "перезвоните",
                            "позвоните",
                            "наберите",
                            "жду",
                            "ждем",
                            "ждём",
                            "звонка",
                            "звонок",
                            "понедельник",
                            "вторник",
                            "среда",
                            "среду",
                            "четверг",
                            "пятница",
                            "пятницу",
                            "суббота",
                            "субботу",
                            "воскресенье",
                            "после",
                            "до",
                            "обеда",
                            "обед",
                            "новый",
                            "новая",
                            "лид",
                            "заявка",
                            "квалификация",
                            "сделка",
                            "успешно",
                            "отказ",
                            "казахстан",
                            "россия",
                            "whatsapp",
                            "ватсап",
                            "вацап",
                            "инстаграм",
                            "instagram",
                            "телеграм",
                            "уважением",
                            "regards",
                            "thanks",
                            "thank",
                            "hello",
                            "hi",
                            "ok",
                            "бар",
                            "жок",
                            "иә",
                            "ия",
                            "рахмет",
                            "сау",
                            "болыңыз",
                            "дом",
                            "баня",
                            "гараж",
                            "фундамент",
                            "цоколь",
                            "окна",
                            "двери",
                            "проект",
                            "размер",
                            "цена",
                            "доставка",
                            "спасибо",
                            "понятно",
                            "хорошо"));

    private static final Pattern NAME_WORD = Pattern.compile("[\\p{L}]{2,20}(?:-[\\p{L}]{2,20})?");

    private static final Pattern TIME_PART =
            Pattern.compile(
                    "\\b(?:сегодня|завтра|послезавтра|в\\s+понедельник|во\\s+вторник|в\\s+среду|в\\s+четверг|в\\s+пятницу|в\\s+субботу|в\\s+воскресенье"
                            + "|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье"
                            + "|на\\s+выходных|в\\s+выходные|в\\s+будни|на\\s+неделе|на\\s+этой\\s+неделе|на\\s+следующей\\s+неделе"
                            + "|после\\s+обеда|до\\s+обеда|в\\s+обед|в\\s+обеденное\\s+время|утром|с\\s+утра|днем|вечером|ночью|после\\s+работы"
                            + "|в\\s+любое\\s+время|в\\s+любое|когда\\s+угодно|когда\\s+удобно|прямо\\s+сейчас|сейчас"
                            + "|через\\s+(?:час|полчаса|пару\\s+часов|\\d{1,3}\\s*(?:минут\\w*|мин|час\\w*))"
                            + "|(?:после|до|с|к|около|в|часов\\s+в|часа\\s+в)\\s+\\d{1,2}(?:[:.]\\d{2})?(?:\\s*(?:час\\w*|ч))?(?:\\s+(?:утра|вечера|дня|ночи))?"
                            + "|\\d{1,2}:\\d{2}|до\\s+\\d{1,2}(?:[:.]\\d{2})?"
                            + "|tomorrow|today|tonight|in\\s+the\\s+(?:morning|afternoon|evening)|any\\s*time|after\\s+lunch"
                            + "|(?:at|after|before|around)\\s+\\d{1,2}(?:[:.]\\d{2})?\\s*(?:am|pm)?|in\\s+an?\\s+hour|on\\s+\\w+day)\\b",
                    FLAGS);

    private CoreExtractors() {}

    /**
     * The core values found in the request's text.
     *
     * @param request the client's message, what is known, the field asked last
     * @return key → value ({@code String} for all three keys); only keys that were found
     */
    public static Map<String, Object> extract(ExtractionRequest request) {
        return extract(request, true);
    }

    /**
     * The core values found in the request's text, optionally without taking a bare answer.
     *
     * @param request the client's message, what is known, the field asked last
     * @param bareAnswers {@code true} to take a short answer to the asked field as written (a bare
     *     name, a village, «в 10»); {@code false} reads the message in the context of the asked
     *     field but takes only what it names plainly (a known city, an introduced name, a time said
     *     in words) — the way a client's question is read, which is never the answer itself
     * @return key → value ({@code String} for all three keys); only keys that were found
     */
    public static Map<String, Object> extract(ExtractionRequest request, boolean bareAnswers) {
        Map<String, Object> out = new LinkedHashMap<>();
        String text = request.text();
        String expected = request.expectedField();
        Optional<String> name = name(text, bareAnswers && NAME.equals(expected));
        name.ifPresent(n -> out.put(NAME, n));
        // "это Нурсултан" names the client, not the city; "сегодня, Марат, в 15:00" is a time
        String rest =
                name.map(
                                n ->
                                        (text == null ? "" : text)
                                                .replaceAll(
                                                        "(?iu),?\\s*"
                                                                + Pattern.quote(n.split(" ")[0])
                                                                + "(?!\\p{L})\\s*,?\\s*",
                                                        " "))
                        .orElse(text == null ? "" : text);
        city(rest, bareAnswers && CITY.equals(expected)).ifPresent(c -> out.put(CITY, c));
        boolean timeWanted =
                CALL_TIME.equals(expected)
                        || NAME.equals(expected)
                        || Intents.detect(text).contains(Intents.Intent.CALL_WANTED);
        if (timeWanted) {
            callTime(rest, bareAnswers && CALL_TIME.equals(expected))
                    .ifPresent(t -> out.put(CALL_TIME, t));
        }
        return out;
    }

    /**
     * The canonical city named in {@code text}; when {@code asked}, also a village or region as
     * written ("с. Узынагаш", "Алматинская область") or a short bare answer.
     */
    public static Optional<String> city(String text, boolean asked) {
        String n = TextNormalizer.normalize(text);
        City best = null;
        int bestAt = Integer.MAX_VALUE;
        for (City c : CITIES) {
            Matcher m = c.pattern().matcher(n);
            if (m.find() && m.start() < bestAt) {
                best = c;
                bestAt = m.start();
            }
            if (c.inContext() != null) {
                Matcher ctx = c.inContext().matcher(n);
                boolean bareAnswer = asked && c.bare().matcher(n).matches();
                if ((ctx.find() && ctx.start() < bestAt) || (bareAnswer && 0 < bestAt)) {
                    best = c;
                    bestAt = bareAnswer ? 0 : ctx.start();
                }
            }
        }
        if (best != null) {
            return Optional.of(best.name());
        }
        if (!asked) {
            return Optional.empty();
        }
        String given = cleanGiven(text);
        if (given.isEmpty() || given.length() > 80) {
            return Optional.empty();
        }
        if (PLACE_MARKER.matcher(n).find()) {
            return Optional.of(upperFirst(given));
        }
        String[] words = TextNormalizer.normalize(given).split(" ");
        if (words.length <= 3
                && !given.matches(".*\\d.*")
                && !NOT_NAMES.contains(words[0])
                && Intents.detect(given).isEmpty()
                && given.matches("[\\p{L}\\s.-]+")) {
            return Optional.of(upperFirst(given));
        }
        return Optional.empty();
    }

    /** The client's name introduced in {@code text}; a bare name is accepted when {@code asked}. */
    public static Optional<String> name(String text, boolean asked) {
        String t = text == null ? "" : text.strip();
        Matcher intro = NAME_INTRO.matcher(t);
        if (intro.find()) {
            String first = intro.group(1);
            if (looksLikeName(first)) {
                String second = intro.group(2);
                if (second != null
                        && looksLikeName(second)
                        && Character.isUpperCase(second.charAt(0))
                        && Character.isUpperCase(first.charAt(0))) {
                    return Optional.of(capitalise(first) + " " + capitalise(second));
                }
                return Optional.of(capitalise(first));
            }
        }
        Matcher before = NAME_BEFORE_INTRO.matcher(t);
        if (before.find()) {
            String word = before.group(1);
            if (looksLikeName(word) && notAPlace(word) && !isCommonWord(word)) {
                return Optional.of(capitalise(word));
            }
        }
        Matcher signature = SIGNATURE.matcher(t);
        if (signature.find()) {
            String first = signature.group(1);
            if (looksLikeName(first) && notAPlace(first) && !isCommonWord(first)) {
                String second = signature.group(2);
                if (second != null
                        && looksLikeName(second)
                        && Character.isUpperCase(first.charAt(0))
                        && Character.isUpperCase(second.charAt(0))
                        && notAPlace(second)) {
                    return Optional.of(capitalise(first) + " " + capitalise(second));
                }
                return Optional.of(capitalise(first));
            }
        }
        Matcher self = NAME_SELF.matcher(t);
        while (self.find()) {
            String word = self.group(1);
            boolean capital = Character.isUpperCase(word.charAt(0));
            boolean endsThere = self.group(2) != null;
            if (looksLikeName(word)
                    && (capital || endsThere)
                    && notAPlace(word)
                    && !isCommonWord(word)) {
                return Optional.of(capitalise(word));
            }
        }
        if (CALL_REQUEST.matcher(t).find()) {
            Optional<String> said = nameNextToCallRequest(t);
            if (said.isPresent()) {
                return said;
            }
        }
        if (asked) {
            Matcher lead = LEADING_NAME.matcher(t);
            if (lead.find()
                    && looksLikeName(lead.group(1))
                    && !isCommonWord(lead.group(1))
                    && city(lead.group(1), false).isEmpty()
                    && Intents.detect(lead.group(1)).isEmpty()) {
                return Optional.of(capitalise(lead.group(1)));
            }
            String bare = t.replaceAll("[\\p{So}\\p{Cn}\\p{Cs}!?.,)(:;\"«»]+", " ").strip();
            String[] words = bare.split("\\s+");
            if (words.length >= 1
                    && words.length <= 2
                    && looksLikeName(words[0])
                    && !isCommonWord(words[0])
                    && city(bare, false).isEmpty()
                    && Intents.detect(bare).isEmpty()) {
                if (words.length == 2) {
                    if (looksLikeName(words[1]) && !isCommonWord(words[1])) {
                        return Optional.of(capitalise(words[0]) + " " + capitalise(words[1]));
                    }
                    return Optional.empty();
                }
                return Optional.of(capitalise(words[0]));
            }
        }
        return Optional.empty();
    }

    /**
     * A capitalised name said in passing next to a call request: between commas ("наберите меня,
     * Ержан, сегодня до обеда"), closing the message ("Можете перезвонить? Сергей") or opening it
     * ("Марат, позвоните в 15:00"). Capitalisation is required: a dictionary-free guess leans on
     * it.
     */
    private static Optional<String> nameNextToCallRequest(String t) {
        for (Pattern p : List.of(BETWEEN_COMMAS, AT_THE_END, AT_THE_START)) {
            Matcher m = p.matcher(t);
            while (m.find()) {
                String word = m.group(1);
                if (AFTER_GREETING.matcher(t.substring(0, m.start(1))).find()) {
                    continue; // "Здравствуйте, Айгуль, перезвоните": she is our manager
                }
                if (looksLikeName(word)
                        && notAPlace(word)
                        && !isCommonWord(word)
                        && Intents.detect(word).isEmpty()
                        && callTime(word, false).isEmpty()
                        && !CALL_REQUEST.matcher(word).find()) {
                    return Optional.of(capitalise(word));
                }
            }
        }
        return Optional.empty();
    }

    /** Not a city, unless it is also a common personal name ("Нурсултан"). */
    private static boolean notAPlace(String word) {
        return city(word, false).isEmpty()
                || NAMES_LIKE_CITIES.contains(TextNormalizer.normalize(word));
    }

    private static boolean looksLikeName(String word) {
        return word != null
                && NAME_WORD.matcher(word).matches()
                && !NOT_NAMES.contains(TextNormalizer.normalize(word));
    }

    private static boolean isCommonWord(String word) {
        String n = TextNormalizer.normalize(word);
        // Verb-like endings that names practically never have.
        return n.matches(".*(?:ться|тся|ишь|ешь|ете|ите|ую|аю|яю|ем)$");
    }

    /**
     * When the client wants to be called, in their own words ("завтра в 10", "после обеда"); when
     * {@code asked}, a short answer with a digit is taken as written.
     */
    public static Optional<String> callTime(String text, boolean asked) {
        String original = text == null ? "" : text.strip();
        String lower = original.toLowerCase(Locale.ROOT).replace('ё', 'е');
        Matcher m = TIME_PART.matcher(lower);
        int start = -1;
        int end = -1;
        while (m.find()) {
            if (start < 0) {
                start = m.start();
            } else if (m.start() - end > 12) {
                break;
            }
            end = m.end();
        }
        if (start >= 0) {
            String span = original.substring(start, end).strip();
            return Optional.of(span);
        }
        if (asked) {
            String given = cleanGiven(original);
            if (!given.isEmpty()
                    && given.length() <= 60
                    && given.split("\\s+").length <= 6
                    && given.matches(".*\\d.*")) {
                return Optional.of(given);
            }
        }
        return Optional.empty();
    }

    private static String cleanGiven(String text) {
        String t = text == null ? "" : text;
        t = t.replaceAll("[\\p{So}\\p{Cn}\\p{Cs}\\x{FE0F}\\x{200D}]+", " ");
        t = t.replaceAll("\\s+", " ").strip();
        t = t.replaceAll("^(?i)(?:мы\\s+)?(?:из|в|во|с)\\s+", "");
        return t.replaceAll("[\\s!?.,;:)]+$", "").strip();
    }

    private static String upperFirst(String s) {
        if (s.isEmpty() || s.matches("(?iu)^(?:с|п|пос|г|мкр)\\..*")) {
            return s;
        }
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** A name as it should be written: "ЕРЖАН", "ержан" → "Ержан"; "анна-мария" → "Анна-Мария". */
    static String capitalise(String raw) {
        String s = raw.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        boolean start = true;
        for (char c : s.toCharArray()) {
            if (start && Character.isLetter(c)) {
                out.append(Character.toUpperCase(c));
                start = false;
            } else {
                out.append(c);
                if (c == ' ' || c == '-') {
                    start = true;
                }
            }
        }
        return out.toString();
    }
}
