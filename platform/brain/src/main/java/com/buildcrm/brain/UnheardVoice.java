package com.buildcrm.brain;

import java.util.List;

/**
 * What the AI manager does with voice notes nobody could listen to (no transcription endpoint, or
 * it failed; ADR 033): it asks the client to write — once per run of such notes, not after each
 * one. One rule for the server's turn and the in-memory {@link Conversation}.
 */
public final class UnheardVoice {

    /** How an unheard voice note stands in a brain's history: the client said something. */
    public static final String PLACEHOLDER = "[voice]";

    /** The request to write, in Russian (the default). */
    public static final String ASK_TO_WRITE =
            "Извините, сейчас не могу прослушать голосовое — напишите, пожалуйста, текстом 🙏";

    /** The request to write, for an English-speaking tenant. */
    public static final String ASK_TO_WRITE_EN =
            "Sorry, I can't listen to voice messages right now — could you please type it? 🙏";

    private UnheardVoice() {}

    /** The request to write in the tenant's {@code locale} ({@code ru} unless {@code en}). */
    public static String askToWrite(String locale) {
        return "en".equals(locale) ? ASK_TO_WRITE_EN : ASK_TO_WRITE;
    }

    /** Whether {@code text} is the request to write (in any locale). */
    public static boolean isAskToWrite(String text) {
        return ASK_TO_WRITE.equals(text) || ASK_TO_WRITE_EN.equals(text);
    }

    /**
     * The AI's answer to a burst made only of unheard voice notes: the request to write, unless the
     * last thing sent in the chat already is that request (the client keeps speaking; repeating the
     * line after every note would feel like a bot) — then nothing.
     *
     * @param lastSent the text of the last message sent to the client before the burst (by the AI
     *     or a person), or {@code null}
     */
    public static List<Action> answer(String lastSent, String locale) {
        return isAskToWrite(lastSent) ? List.of() : List.of(new Action.Reply(askToWrite(locale)));
    }
}
