package com.buildcrm.brain;

import com.buildcrm.plugin.api.text.TextNormalizer;
import java.util.regex.Pattern;

/**
 * Tells a client's question from other messages, the way clients write on WhatsApp: often without a
 * question mark («окна входят в цену», «доставка есть»), sometimes with one after a bare answer.
 */
public final class Questions {

    private static final Pattern QUESTION_WORDS =
            Pattern.compile(
                    "^(?:(?:а|и|но|скажите|подскажите|кстати|извините|слушайте|еще),?\\s+){0,2}(?:сколько|скольк\\w*|скока|какой|какая|какое|какие|каков\\w*|когда|где|куда|откуда|как|почему|зачем|что|чем|из\\s+чего|можно|есть\\s+ли|входит|входят|делаете|даете|работаете|принимаете|возможн\\w*|нужно\\s+ли|надо\\s+ли|будет\\s+ли)(?![-\\w])"
                            // «как получится», «когда удобно», «что угодно» answer, not ask
                            + "(?!\\s+(?:получится|угодно|обычно|удобно|удобнее|хотите|скажете|договоримся|выйдет|можно\\s+(?:скорее|быстрее|раньше))(?!\\w))"
                            + "|\\b(?:ли|входит|входят|включено|включен[аы]?)\\b|\\bесть\\s*$"
                            // «а сроки какие», «по времени сколько»: the question word at the end
                            + "|\\b(?:какой|какая|какое|какие|каков\\w*|сколько)\\s*$"
                            + "|^(?:what|how|when|where|why|which|do|does|is|are|can)\\b",
                    Pattern.UNICODE_CHARACTER_CLASS);

    private Questions() {}

    /** {@code true} when {@code message} asks something. */
    public static boolean isQuestion(String message) {
        if (message == null) {
            return false;
        }
        if (message.contains("?")) {
            return true;
        }
        return QUESTION_WORDS.matcher(TextNormalizer.normalize(message)).find();
    }
}
