package com.buildcrm.testkit;

import com.buildcrm.brain.KnowledgeBase;
import com.buildcrm.plugin.api.IndustryPack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Measures a pack's default knowledge base against a test set of real client questions (ADR 032):
 * how often the entry chosen is the right one, and how often a question nothing answers is
 * declined. The test set is a UTF-8 TSV resource: {@code question<TAB>entry title} or {@code
 * question<TAB>DECLINE}; lines starting with {@code #} are comments.
 */
public final class KnowledgeBench {

    /** The expected value of a question that should be declined. */
    public static final String DECLINE = "DECLINE";

    /** One question's outcome. */
    public record Case(String question, String expected, String chosen) {
        /** {@code true} when the outcome is the expected one. */
        public boolean right() {
            return expected.equals(chosen);
        }
    }

    /**
     * The figures.
     *
     * @param cases every question with what was expected and chosen ({@code DECLINE} for none)
     */
    public record Result(List<Case> cases) {
        /** Questions that have an entry. */
        public long answerable() {
            return cases.stream().filter(c -> !DECLINE.equals(c.expected())).count();
        }

        /** Questions that should be declined. */
        public long declinable() {
            return cases.size() - answerable();
        }

        /** Of all answers given (an entry chosen), the share with the right entry. */
        public double precision() {
            long answered = cases.stream().filter(c -> !DECLINE.equals(c.chosen())).count();
            long right =
                    cases.stream().filter(c -> !DECLINE.equals(c.chosen()) && c.right()).count();
            return answered == 0 ? 0 : (double) right / answered;
        }

        /** Of the answerable questions, the share answered with the right entry. */
        public double recall() {
            long right =
                    cases.stream().filter(c -> !DECLINE.equals(c.expected()) && c.right()).count();
            return answerable() == 0 ? 0 : (double) right / answerable();
        }

        /** Of the questions that should be declined, the share declined. */
        public double declineAccuracy() {
            long right =
                    cases.stream().filter(c -> DECLINE.equals(c.expected()) && c.right()).count();
            return declinable() == 0 ? 0 : (double) right / declinable();
        }

        /** A one-line summary and every miss, for the build log and {@code bench/RESULTS.md}. */
        public String report(String pack) {
            StringBuilder b =
                    new StringBuilder(
                            String.format(
                                    java.util.Locale.ROOT,
                                    "%s: %d questions (%d answerable, %d to decline):"
                                            + " precision %.2f, recall %.2f, decline accuracy"
                                            + " %.2f%n",
                                    pack,
                                    cases.size(),
                                    answerable(),
                                    declinable(),
                                    precision(),
                                    recall(),
                                    declineAccuracy()));
            for (Case c : cases) {
                if (!c.right()) {
                    b.append("  miss: «")
                            .append(c.question())
                            .append("» expected ")
                            .append(c.expected())
                            .append(", chose ")
                            .append(c.chosen())
                            .append('\n');
                }
            }
            return b.toString();
        }
    }

    private KnowledgeBench() {}

    /** Runs the test set {@code testSet} against {@code pack}'s default knowledge base. */
    public static Result run(IndustryPack pack, InputStream testSet) {
        KnowledgeBase kb = KnowledgeBase.ofEntries(pack.defaultKnowledge("ru"), "default:");
        List<Case> cases = new ArrayList<>();
        try (BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(
                                Objects.requireNonNull(testSet, "testSet"),
                                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 2) {
                    throw new IllegalArgumentException("not question<TAB>expected: " + line);
                }
                KnowledgeBase.Answer a = kb.ask(cols[0], 3);
                String chosen = a.confident() ? a.best().item().title() : DECLINE;
                cases.add(new Case(cols[0], cols[1].strip(), chosen));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(List.copyOf(cases));
    }
}
