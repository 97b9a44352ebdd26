package com.buildcrm.brain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the AI manager from greeting a client who has been greeted already: the greeting chain says
 * «Здравствуйте! 👋 …», so the first answer right after it must not open with «Здравствуйте!»
 * again. Applied to every brain's replies (an LLM may greet despite its prompt).
 */
public final class RepeatedGreeting {

    /** "Здравствуйте!", "Добрый день, Ержан!", "Hello!" opening a reply. */
    private static final Pattern OPENING =
            Pattern.compile(
                    "^\\s*(?:здравствуйте|здравствуй|добрый\\s+(?:день|вечер)|доброе\\s+утро|приветствую(?:\\s+вас)?"
                            + "|привет|салеметсиз\\s+бе|сәлеметсіз\\s+бе|hello|hi|good\\s+(?:morning|afternoon|evening))"
                            + "(?:,?\\s*\\p{Lu}[\\p{L}-]*)?\\s*[!.,]+[\\s\\p{So}\\x{FE0F}\\x{200D}]*",
                    Pattern.CASE_INSENSITIVE
                            | Pattern.UNICODE_CASE
                            | Pattern.UNICODE_CHARACTER_CLASS);

    private RepeatedGreeting() {}

    /** Whether {@code reply} opens with a greeting. */
    public static boolean opensWithGreeting(String reply) {
        return reply != null && OPENING.matcher(reply).find();
    }

    /**
     * {@code reply} without its opening greeting ("Здравствуйте! Какой город?" → "Какой город?");
     * unchanged when the greeting is all it says.
     */
    public static String strip(String reply) {
        Matcher m = OPENING.matcher(reply);
        if (!m.find()) {
            return reply;
        }
        String rest = reply.substring(m.end()).strip();
        if (rest.isEmpty()) {
            return reply;
        }
        return rest.substring(0, 1).toUpperCase(Locale.ROOT) + rest.substring(1);
    }

    /**
     * The actions with the first reply's opening greeting removed when the client was greeted
     * already; a reply that is nothing but a greeting is dropped.
     */
    public static List<Action> notAgain(List<Action> actions, boolean greeted) {
        if (!greeted) {
            return actions;
        }
        List<Action> out = new ArrayList<>(actions.size());
        boolean first = true;
        for (Action a : actions) {
            if (a instanceof Action.Reply r && first) {
                first = false;
                if (opensWithGreeting(r.text())) {
                    String rest = strip(r.text());
                    if (opensWithGreeting(rest)) {
                        continue; // a bare "Здравствуйте!"
                    }
                    out.add(new Action.Reply(rest));
                    continue;
                }
            }
            out.add(a);
        }
        return List.copyOf(out);
    }
}
