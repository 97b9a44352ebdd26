package com.buildcrm.plugin.api.text;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a short yes/no answer from a WhatsApp message in Russian, Kazakh or English: {@code "да"},
 * {@code "ага"}, {@code "конечно"}, {@code "иә"}, {@code "будем закрывать"}, {@code "есть"}, {@code
 * "👍"} → yes; {@code "нет"}, {@code "пока нет"}, {@code "не будем"}, {@code "жоқ"}, {@code "да
 * нет"}, {@code "конечно нет"} → no; {@code "не знаю"}, {@code "подумаю"} or anything without a
 * clear answer → empty. The first decisive word wins, so {@code "да, а доставка есть?"} is a yes.
 */
public final class YesNo {

    private static final List<String> UNDECIDED =
            List.of(
                    "не знаю",
                    "незнаю",
                    "не знаем",
                    "пока не знаю",
                    "хз",
                    "не уверен",
                    "не решил",
                    "не решили",
                    "не определил",
                    "еще не думал",
                    "не думали",
                    "подумаю",
                    "подумаем",
                    "посмотрим",
                    "затрудняюсь",
                    "как посоветуете",
                    "как лучше",
                    "не помню",
                    "don t know",
                    "dont know",
                    "not sure",
                    "maybe");

    private static final List<String> YES_PHRASES =
            List.of("почему нет", "почему бы и нет", "почему бы нет", "а как же", "еще бы");

    private static final Set<String> NO =
            Set.of(
                    "нет", "неа", "нету", "no", "nope", "not", "жок", "ни", "никак", "без", "отказ",
                    "нее", "неее", "нэт");

    private static final Set<String> YES =
            Set.of(
                    "да",
                    "даа",
                    "дааа",
                    "дада",
                    "ага",
                    "угу",
                    "aga",
                    "конечно",
                    "канешно",
                    "конешно",
                    "конечна",
                    "yes",
                    "yeah",
                    "yep",
                    "yup",
                    "sure",
                    "ок",
                    "ok",
                    "окей",
                    "okay",
                    "иа",
                    "ия",
                    "ийа",
                    "иэ",
                    "бар",
                    "арине",
                    "давай",
                    "давайте",
                    "хорошо",
                    "будем",
                    "буду",
                    "будет",
                    "закроем",
                    "закрываем",
                    "закрою",
                    "закрыть",
                    "закрывать",
                    "есть",
                    "имеется",
                    "планируем",
                    "планирую",
                    "нужно",
                    "надо",
                    "нужен",
                    "нужна",
                    "хотим",
                    "хочу",
                    "обязательно",
                    "естественно",
                    "разумеется",
                    "точно",
                    "верно",
                    "согласен",
                    "согласна",
                    "пришлю",
                    "скину",
                    "отправлю");

    private YesNo() {}

    /** The answer in {@code text}: yes, no, or empty when the text does not say. */
    public static Optional<Boolean> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String raw = text.strip();
        if (raw.equals("+") || raw.contains("👍") || raw.contains("👌")) {
            return Optional.of(true);
        }
        if (raw.equals("-") || raw.contains("👎")) {
            return Optional.of(false);
        }
        String s = TextNormalizer.normalize(text).replace(',', ' ').replace('.', ' ');
        s = " " + s.replaceAll("\\s+", " ").strip() + " ";
        for (String phrase : UNDECIDED) {
            if (s.contains(" " + phrase + " ")) {
                return Optional.empty();
            }
        }
        for (String phrase : YES_PHRASES) {
            if (s.contains(" " + phrase + " ")) {
                return Optional.of(true);
            }
        }
        String[] words = s.strip().split(" ");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            String next = i + 1 < words.length ? words[i + 1] : "";
            if (w.equals("не") || w.equals("ne")) {
                return Optional.of(false);
            }
            if (NO.contains(w)) {
                return Optional.of(false);
            }
            if (YES.contains(w)) {
                // "да нет", "конечно нет", "да не надо"
                if (NO.contains(next) || next.equals("не")) {
                    return Optional.of(false);
                }
                return Optional.of(true);
            }
        }
        return Optional.empty();
    }
}
