package com.buildcrm.summary;

import com.buildcrm.nextaction.NextAction;
import com.buildcrm.plugin.api.Locales;
import com.buildcrm.plugin.api.QualificationField;
import com.buildcrm.summary.HandoffSummary.Fact;
import com.buildcrm.summary.HandoffSummary.NextStep;
import com.buildcrm.summary.HandoffSummary.OpenQuestion;
import com.buildcrm.summary.HandoffSummary.Want;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rule-built handoff summary (ADR 034): a pure function of the lead's data, with no clock,
 * database or CDI, so every rule is a unit test ({@code SummaryRulesTest}).
 */
public final class SummaryRules {

    /** The longest quote of a client's message, in characters. */
    public static final int MAX_QUOTE = 200;

    /** How many of the client's latest messages are quoted. */
    static final int QUOTES = 3;

    /** How many open questions the ASK step names. */
    static final int ASK_FIRST = 3;

    private SummaryRules() {}

    /** The summary of one lead. */
    public static HandoffSummary build(SummaryInput in) {
        List<Fact> facts = new ArrayList<>();
        List<OpenQuestion> open = new ArrayList<>();
        for (QualificationField f : in.schema()) {
            Object value = present(in.fields().get(f.key()));
            if (value != null) {
                facts.add(
                        new Fact(f.key(), f.labelRu(), f.labelEn(), f.type().name(), value, false));
            } else if (f.required()) {
                open.add(
                        new OpenQuestion(
                                f.key(), f.labelRu(), f.labelEn(), f.questionRu(), f.questionEn()));
            }
        }
        boolean callRequested = "CALL_REQUESTED".equals(in.stageRole());
        Want want =
                new Want(
                        in.topicRu(),
                        in.topicEn(),
                        text(in.fields().get("need")),
                        callRequested,
                        text(in.fields().get("preferred_call_time")),
                        quotes(in.clientTexts()));
        return new HandoffSummary(want, facts, open, nextStep(in, callRequested, open), null, null);
    }

    /**
     * The live summary with every fact marked {@code changed} whose value differs from the
     * snapshot's (or was missing there).
     */
    public static HandoffSummary markChanges(HandoffSummary now, HandoffSummary snapshot) {
        if (snapshot == null) {
            return now;
        }
        List<Fact> marked = new ArrayList<>();
        for (Fact f : now.fields()) {
            Object before =
                    snapshot.fields().stream()
                            .filter(s -> s.key().equals(f.key()))
                            .map(Fact::value)
                            .findFirst()
                            .orElse(null);
            marked.add(f.asChanged(!same(before, f.value())));
        }
        return new HandoffSummary(
                now.want(), marked, now.open(), now.nextStep(), now.text(), now.textLocale());
    }

    /**
     * The summary as plain sentences in {@code locale} (the LLM's input; the LLM may only condense
     * it).
     */
    public static String plainText(HandoffSummary s, String locale) {
        boolean en = Locales.isEnglish(locale);
        StringBuilder b = new StringBuilder();
        Want w = s.want();
        b.append(en ? "Topic: " : "Тема: ").append(en ? w.topicEn() : w.topicRu()).append('\n');
        if (w.need() != null) {
            b.append(en ? "The client needs: " : "Клиенту нужно: ").append(w.need()).append('\n');
        }
        if (w.callRequested()) {
            b.append(en ? "The client asked for a call" : "Клиент просит позвонить");
            if (w.callTime() != null) {
                b.append(en ? ", when: " : ", когда: ").append(w.callTime());
            }
            b.append('\n');
        }
        if (!s.fields().isEmpty()) {
            b.append(en ? "Known:" : "Известно:").append('\n');
            for (Fact f : s.fields()) {
                b.append("- ")
                        .append(en ? f.labelEn() : f.labelRu())
                        .append(": ")
                        .append(format(f.value(), en))
                        .append('\n');
            }
        }
        if (!s.open().isEmpty()) {
            b.append(en ? "Still unknown: " : "Ещё не известно: ")
                    .append(
                            String.join(
                                    ", ",
                                    s.open().stream()
                                            .map(o -> en ? o.labelEn() : o.labelRu())
                                            .toList()))
                    .append('\n');
        }
        if (!w.clientWords().isEmpty()) {
            b.append(en ? "The client's latest words:" : "Последние слова клиента:").append('\n');
            w.clientWords().forEach(q -> b.append("> ").append(q).append('\n'));
        }
        return b.toString().strip();
    }

    /** A value as the plain text shows it: yes/no for booleans, plain numbers. */
    static String format(Object value, boolean en) {
        if (value instanceof Boolean bool) {
            return bool ? (en ? "yes" : "да") : (en ? "no" : "нет");
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    private static NextStep nextStep(
            SummaryInput in, boolean callRequested, List<OpenQuestion> open) {
        if ("WON".equals(in.stageRole()) || "LOST".equals(in.stageRole())) {
            return new NextStep("DONE", null, List.of());
        }
        NextAction a = in.plannerAction();
        if (a != null) {
            return new NextStep(a.kind().name(), a.reason(), List.of());
        }
        if (callRequested) {
            return new NextStep("CALL", null, List.of());
        }
        if (!open.isEmpty()) {
            return new NextStep(
                    "ASK", null, open.stream().limit(ASK_FIRST).map(OpenQuestion::key).toList());
        }
        return new NextStep("OFFER", null, List.of());
    }

    private static List<String> quotes(List<String> texts) {
        List<String> kept =
                texts.stream()
                        .filter(Objects::nonNull)
                        .map(t -> t.strip().replaceAll("\\s+", " "))
                        .filter(t -> !t.isEmpty())
                        .toList();
        List<String> last = kept.subList(Math.max(0, kept.size() - QUOTES), kept.size());
        return last.stream()
                .map(t -> t.length() > MAX_QUOTE ? t.substring(0, MAX_QUOTE - 1).strip() + "…" : t)
                .toList();
    }

    /** The value if it says something: not null, not a blank string. */
    private static Object present(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s.isBlank() ? null : s.strip();
        }
        return v;
    }

    private static String text(Object v) {
        Object p = present(v);
        return p == null ? null : String.valueOf(p);
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return Objects.equals(a, b);
    }

    /** The map of a lead's fields with the columns the lead keeps outside them. */
    static Map<String, Object> withColumns(Map<String, Object> fields, String name, String city) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(fields);
        if (name != null && !name.isBlank()) {
            all.putIfAbsent("name", name);
        }
        if (city != null && !city.isBlank()) {
            all.putIfAbsent("city", city);
        }
        return all;
    }
}
