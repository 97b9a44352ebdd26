package com.buildcrm.plugin.api;

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
 * One entry of a tenant's knowledge base (ADR 032): either a question with its variants and the
 * answer, or a short document (price list, delivery, warranty, payment) with a title and no
 * questions. The AI manager answers clients' questions from these entries only.
 *
 * @param title a short title shown to the operator ("Окна в комплекте", "Доставка")
 * @param questions how clients ask it (paraphrases help retrieval); empty for a document
 * @param answer the answer, or the document's text (paragraphs separated by blank lines)
 */
public record KnowledgeEntry(String title, List<String> questions, String answer) {
    public KnowledgeEntry {
        Objects.requireNonNull(title, "title");
        questions = List.copyOf(Objects.requireNonNullElse(questions, List.of()));
        Objects.requireNonNull(answer, "answer");
    }

    /** {@code true} for a document (no question variants). */
    public boolean document() {
        return questions.isEmpty();
    }

    /**
     * Reads entries from the plain-text format packs ship as a resource (UTF-8): an entry starts
     * with a line {@code # title}; lines starting with {@code ?} are question variants; every other
     * line belongs to the answer (blank lines separate paragraphs); lines starting with {@code //}
     * are comments.
     *
     * <pre>
     * # Окна в комплекте
     * ? Окна входят в цену?
     * ? окна идут в комплекте?
     * Да, окна входят в стоимость комплекта …
     * </pre>
     *
     * @param in the resource (closed by this method)
     * @return the entries in file order
     */
    public static List<KnowledgeEntry> parse(InputStream in) {
        List<KnowledgeEntry> out = new ArrayList<>();
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String title = null;
            List<String> questions = new ArrayList<>();
            StringBuilder answer = new StringBuilder();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("//")) {
                    continue;
                }
                if (line.startsWith("# ")) {
                    add(out, title, questions, answer);
                    title = line.substring(2).strip();
                    questions = new ArrayList<>();
                    answer = new StringBuilder();
                } else if (line.startsWith("?") && title != null) {
                    questions.add(line.substring(1).strip());
                } else if (title != null) {
                    answer.append(line.strip()).append('\n');
                }
            }
            add(out, title, questions, answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    private static void add(
            List<KnowledgeEntry> out, String title, List<String> questions, StringBuilder answer) {
        if (title != null) {
            String text = answer.toString().strip().replaceAll("\n{3,}", "\n\n");
            out.add(new KnowledgeEntry(title, questions, text));
        }
    }
}
