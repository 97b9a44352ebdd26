package com.buildcrm.plugin.api.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalises a WhatsApp message for matching: lower case, {@code ё} → {@code е}, Kazakh letters
 * folded to their nearest Russian ones, emoji and punctuation other than {@code , . -} replaced by
 * spaces, whitespace collapsed. Digits and the decimal comma survive, so {@code "10,5 м²"} becomes
 * {@code "10,5 м"}.
 */
public final class TextNormalizer {

    private TextNormalizer() {}

    /** The normalised form of {@code text} (never null). */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            char c = fold(cp);
            if (c != 0) {
                out.append(c);
            } else if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp);
            } else if (cp == ',' || cp == '.' || cp == '-') {
                out.append((char) cp);
            } else {
                out.append(' ');
            }
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static char fold(int cp) {
        return switch (cp) {
            case 'ё' -> 'е';
            case 'ә' -> 'а';
            case 'ғ' -> 'г';
            case 'қ' -> 'к';
            case 'ң' -> 'н';
            case 'ө' -> 'о';
            case 'ұ', 'ү' -> 'у';
            case 'һ' -> 'х';
            case 'і' -> 'и';
            case '×', '*' -> 'х';
            default -> 0;
        };
    }
}
