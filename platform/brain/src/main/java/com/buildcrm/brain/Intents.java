package com.buildcrm.brain;

import com.buildcrm.plugin.api.text.TextNormalizer;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Detects what a client wants from a WhatsApp message written the way real clients write: typos,
 * emoji, no punctuation, Russian mixed with Kazakh, sometimes English. Matching runs on the {@link
 * TextNormalizer normalised} text; negated requests ("не надо звонить") are removed before the
 * positive patterns run.
 */
public final class Intents {

    /** What a message may express (a message may express several). */
    public enum Intent {
        /** The client asks for a call, directly or by a hint ("удобнее по телефону"). */
        CALL_WANTED,
        /** The client asks about the price. */
        PRICE_ASKED,
        /** The client insists on a price now ("просто скажите цену"); implies PRICE_ASKED. */
        PRICE_INSISTED,
        /** The client is not interested any more. */
        NOT_INTERESTED,
        /** The client wants a person, not the AI. */
        WANTS_HUMAN,
        /** The message is a greeting and nothing else. */
        GREETING_ONLY,
        /** The message thanks us. */
        THANKS,
        /** The client wants time to think ("подумаю", "посоветуюсь с мужем", "позже напишу"). */
        THINKING,
        /** The message starts with a "yes" ("да", "давайте", "ок"). */
        AGREE,
        /** The message starts with a "no" ("нет", "не надо", "не сейчас"). */
        DECLINE
    }

    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;

    private static Pattern p(String regex) {
        return Pattern.compile(regex, FLAGS);
    }

    private static final String CALL_WORD = "(?:по|пере)?звон\\w*";

    /** "не надо звонить", "звонить не нужно", "без звонков", "не могу говорить". */
    private static final Pattern CALL_NEGATED =
            p(
                    "\\b(?:не|нет|без)\\s+(?:надо\\s+|нужно\\s+|стоит\\s+|могу\\s+|хочу\\s+|будем\\s+|буду\\s+|получится\\s+)?(?:мне\\s+|нам\\s+)?"
                            + CALL_WORD
                            + "|\\b"
                            + CALL_WORD
                            + "\\s+(?:мне\\s+|нам\\s+)?(?:не|нет)\\s+(?:надо|нужно|нужен|стоит|обязательно)\\b"
                            + "|\\bне\\s+(?:могу|получится|удобно|смогу)\\s+(?:сейчас\\s+)?(?:говорить|разговаривать)\\b"
                            + "|\\bне\\s+по\\s+телефону\\b"
                            + "|\\bdon\\s?t\\s+call\\b|\\bno\\s+calls?\\b|\\bdo\\s+not\\s+call\\b");

    /** Explicit call words (used to tell "созвониться с менеджером" from a hand-off). */
    private static final Pattern CALL_EXPLICIT =
            p(
                    "\\b(?:по|пере)звон\\w*|\\bзвон(?:ите|и|ок|ка|ком|ить)\\b|\\bсозвон\\w*"
                            + "|\\bнабер(?:и|ите|ешь|ете)\\b|\\bнабрать\\b|\\bзвякн\\w*|\\bконырау\\w*"
                            + "|\\bcall\\s+(?:me|us|back)\\b|\\b(?:give|gimme)\\s+(?:me|us)\\s+a\\s+(?:call|ring)\\b"
                            + "|\\bcan\\s+you\\s+call\\b|\\bphone\\s+call\\b");

    private static final Pattern CALL_HINTED =
            p(
                    "\\bпо\\s+телефону\\b|\\bголосом\\b|\\bпоговорить\\b|\\bпообщаться\\b|\\bобсудить\\s+устно\\b"
                            + "|\\b(?:ваш|есть)\\s+(?:номер|телефон)\\b|\\bномер\\s+(?:куда|для\\s+связи)\\b"
                            + "|\\bкуда\\s+(?:можно\\s+)?звонить\\b|\\bхабарлас\\w*"
                            + "|\\bсвяжитесь\\s+(?:со\\s+мной|с\\s+нами)\\b|\\bсвязаться\\s+со\\s+мной\\b|\\bномер\\s+(?:менеджера|телефона)\\b|\\bcontact\\s+me\\b"
                            + "|\\bby\\s+phone\\b|\\bover\\s+the\\s+phone\\b|\\btalk\\s+by\\s+phone\\b");

    private static final Pattern PRICE =
            p(
                    "\\b(?:сколько|скока|скок|скоко|скольк)\\s+(?:это\\s+|он\\s+|она\\s+|оно\\s+|они\\s+|такой\\s+|такая\\s+|такое\\s+|примерно\\s+|всего\\s+)?(?:стоит|стоят|стоить|будет|выйдет|обойдется|обойдутся|за|по\\s+цене)\\b"
                            + "|\\bцен(?:а|ы|у|е|ой|ами|ах|ник\\w*)\\b|\\bпо\\s*чем\\b|\\bпочем\\b"
                            + "|\\bстоимост\\w*|\\bпрайс\\w*|\\bпо\\s+деньгам\\b|\\bрасценк\\w*"
                            + "|\\bбагас\\w*|\\bбага(?:сы|сын|ны|лары)\\b|\\bканша\\b"
                            + "|\\bhow\\s+much\\b|\\bprices?\\b|\\bcosts?\\b|\\bpricing\\b");

    private static final Pattern PRICE_INSIST =
            p(
                    "\\b(?:назовите|назови|скажите|скажи|напишите|напиши|скиньте|скинь|дайте|дай|озвучьте)\\s+(?:мне\\s+|нам\\s+)?(?:уже\\s+)?(?:хотя\\s+бы\\s+)?(?:примерную\\s+|приблизительную\\s+|просто\\s+)?(?:цену|стоимость|прайс|ценник)\\b"
                            + "|\\b(?:ну|так)\\s+(?:и\\s+)?(?:сколько|скока)\\b"
                            + "|\\bjust\\s+(?:tell|give)\\s+me\\s+the\\s+price\\b");

    private static final Pattern NOT_INTERESTED =
            p(
                    "\\bне\\s*интерес\\w*|\\bне\\s*актуальн\\w*"
                            + "|\\bуже\\s+(?:купили|купил|купила|взяли|взял|взяла|нашли|нашел|нашла|заказали|построили)\\b(?!\\s+(?:участок|землю|земельный|материал\\w*|фундамент\\w*|проект\\w*|кирпич\\w*))"
                            + "|\\b(?:купили|взяли|нашли|заказали)\\s+уже\\b"
                            + "|\\bпередумал\\w*|\\bотказываюсь\\b|\\bотказываемся\\b"
                            + "|\\bне\\s+(?:надо|нужно)\\s*,?\\s*спасибо\\b|\\bспасибо\\s*,?\\s*не\\s+(?:надо|нужно)\\b"
                            + "|\\b(?:мне|нам)\\s+(?:это\\s+|уже\\s+|больше\\s+)?не\\s+(?:надо|нужно)(?=\\s*(?:$|[,.]|спасибо|больше|уже))"
                            + "|\\bотпишите\\w*|\\bкызыкпа\\w*|\\bкерек\\s+емес\\b"
                            + "|\\bnot\\s+interested\\b|\\bno\\s+longer\\s+(?:relevant|needed)\\b|\\bno\\s+thanks?\\b");

    private static final Pattern STOP_WRITING =
            p("\\b(?:больше\\s+)?не\\s+пиши(?:те)?\\b|\\bstop\\s+(?:writing|texting)\\b");

    private static final Pattern HUMAN_STRONG =
            p(
                    "\\b(?:вы|ты|это)\\s+(?:что\\s+)?(?:бот|робот|ии|чат-?бот)\\b|\\b(?:чат-?)?бот\\b|\\bробот\\b"
                            + "|\\bжив(?:ой|ого|ым|ому)\\b|\\bс\\s+человеком\\b|\\bчеловек(?:а|у)?\\s+(?:позовите|дайте)\\b"
                            + "|\\bоператор\\w*"
                            + "|\\b(?:real|live)\\s+(?:person|human|agent|manager)\\b|\\bare\\s+you\\s+a\\s+(?:bot|robot)\\b"
                            + "|\\bhuman\\b|\\boperator\\b");

    private static final Pattern HUMAN_WEAK =
            p(
                    "\\b(?:позовите|позови|дайте|переключите|соедините|соедини|подключите|свяжите)\\s+(?:меня\\s+|мне\\s+|пожалуйста\\s+)?(?:с\\s+)?(?:менеджер|специалист|консультант|человек)\\w*"
                            + "|\\b(?:хочу|можно|нужен|нужно)\\s+(?:поговорить\\s+|пообщаться\\s+|связаться\\s+)?с\\s+(?:менеджером|специалистом|консультантом)\\b"
                            + "|\\bнуж(?:ен|но)\\s+(?:живой\\s+)?(?:менеджер|оператор|человек|консультант)\\b");

    private static final Pattern GREETING_WORDS =
            p(
                    "\\b(?:здравствуйте|здраствуйте|здрасте|здрасьте|здравствуй|привет|приветствую|добрый|доброе|доброго|день|вечер|утро|времени|суток"
                            + "|салам|салем|салеметсиз|сэлем|бе|ассалаумагалейкум|ассаламу|алейкум|hello|hi|hey|good|morning|afternoon|evening)\\b");

    private static final Pattern GREETING_ANY =
            p(
                    "\\b(?:здравствуйте|здраствуйте|здрасте|здрасьте|здравствуй|привет|приветствую|добрый\\s+(?:день|вечер)|доброе\\s+утро|доброго\\s+времени"
                            + "|салам|салем|салеметсиз|ассалаумагалейкум|ассаламу|hello|hi|hey|good\\s+(?:morning|afternoon|evening))\\b");

    private static final Pattern THANKS =
            p(
                    "\\bспасибо\\b|\\bспс\\b|\\bблагодар\\w*|\\bрахмет\\w*|\\bthanks?\\b|\\bthank\\s+you\\b|\\bthx\\b");

    /** "поговорить с женой": the client talks it over at home, not with us. */
    private static final String FAMILY_TALK =
            "\\b(?:поговорю|поговорить|посоветоваться|посоветуюсь|обсудить|обсужу|обсудим)\\s+с\\s+(?:женой|мужем|супруг\\w*|семь[еей]\\w*|родител\\w*|партнер\\w*|братом|сестрой|папой|мамой)\\b";

    private static final Pattern FAMILY = p(FAMILY_TALK);

    private static final Pattern THINKING =
            p(
                    "\\bподума(?:ю|ем|ть|ем\\s+ещ[её])\\b|\\bпосовету(?:юсь|емся)\\b|\\bобсуд(?:им|у)\\s+с\\s+\\w+"
                            + "|"
                            + FAMILY_TALK
                            + "|\\bпозже\\s+(?:напишу|напишем|отпишусь|свяжусь)\\b|\\b(?:i|we)\\s*(?:ll|will)\\s+think\\b"
                            + "|\\bойланам\\w*");

    private static final Pattern AGREE =
            p(
                    "^(?:да|даа+|давайте|давай|можно|ок|окей|ok|okay|хорошо|конечно|ага|угу|yes|yep|sure|звоните|иа|ия|ие|жарайды|согласен|согласна|удобно|го)\\b");

    private static final Pattern DECLINE =
            p(
                    "^(?:нет|неа|не\\s+надо|не\\s+нужно|не\\s+сейчас|пока\\s+нет|пока\\s+не\\s+надо|no|nope|not\\s+now|жок)\\b");

    private Intents() {}

    /**
     * The intents expressed in {@code text}.
     *
     * @param text the client's message as written (null is treated as empty)
     * @return the intents found, possibly empty; never null
     */
    public static Set<Intent> detect(String text) {
        String n = TextNormalizer.normalize(text);
        Set<Intent> found = EnumSet.noneOf(Intent.class);
        if (n.isEmpty()) {
            return found;
        }
        String rest = FAMILY.matcher(CALL_NEGATED.matcher(n).replaceAll(" ")).replaceAll(" ");
        boolean explicitCall = CALL_EXPLICIT.matcher(rest).find();
        if (explicitCall || CALL_HINTED.matcher(rest).find()) {
            found.add(Intent.CALL_WANTED);
        }
        if (PRICE_INSIST.matcher(n).find()) {
            found.add(Intent.PRICE_INSISTED);
            found.add(Intent.PRICE_ASKED);
        } else if (PRICE.matcher(n).find()) {
            found.add(Intent.PRICE_ASKED);
        }
        if (NOT_INTERESTED.matcher(rest).find()
                || (STOP_WRITING.matcher(rest).find() && !found.contains(Intent.CALL_WANTED))) {
            found.add(Intent.NOT_INTERESTED);
        }
        if (HUMAN_STRONG.matcher(n).find() || (HUMAN_WEAK.matcher(n).find() && !explicitCall)) {
            found.add(Intent.WANTS_HUMAN);
        }
        if (GREETING_ANY.matcher(n).find()
                && GREETING_WORDS
                        .matcher(n)
                        .replaceAll(" ")
                        .replaceAll("[\\s,.\\-]+", "")
                        .isEmpty()) {
            found.add(Intent.GREETING_ONLY);
        }
        if (THANKS.matcher(n).find()) {
            found.add(Intent.THANKS);
        }
        if (THINKING.matcher(n).find()) {
            found.add(Intent.THINKING);
        }
        if (AGREE.matcher(n).find()) {
            found.add(Intent.AGREE);
        }
        if (DECLINE.matcher(n).find()) {
            found.add(Intent.DECLINE);
        }
        return found;
    }

    /** Words said around a «спасибо» that add nothing to it. */
    private static final Pattern THANKS_FILLERS =
            p("\\b(?:большое|огромное|вам|пожалуйста|заранее|so|much|very|a\\s+lot)\\b");

    /** {@code true} when {@code text} only thanks us («Спасибо большое!»): it answers nothing. */
    static boolean onlyThanks(String text) {
        String n = TextNormalizer.normalize(text);
        if (!THANKS.matcher(n).find()) {
            return false;
        }
        String rest = THANKS_FILLERS.matcher(THANKS.matcher(n).replaceAll(" ")).replaceAll(" ");
        return rest.replaceAll("[\\s,.\\-]+", "").isEmpty();
    }

    /** {@code true} when {@code text} greets us (possibly along with other content). */
    static boolean greets(String text) {
        return GREETING_ANY.matcher(TextNormalizer.normalize(text)).find();
    }
}
