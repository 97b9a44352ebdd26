package com.buildcrm.brain;

import com.buildcrm.plugin.api.KnowledgeEntry;
import com.buildcrm.plugin.api.text.TextNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A tenant's knowledge base, indexed in memory with Apache Lucene (ADR 032): the Russian analyzer
 * (stop words + Snowball stemming, plus the filler words clients write around a question), BM25
 * ranking, and a one-edit fuzzy match for typos. Each question variant is one Lucene document; a
 * document entry is split into paragraphs, one Lucene document each (the title goes with every
 * paragraph), so the answer quoted is the paragraph that matched.
 *
 * <p>BM25 ranks but its scores are not comparable across queries, so confidence is measured
 * separately: the share of the question's informative words (weighted by IDF over the entries)
 * found in the best passage, and the gap to the best passage of a different entry. An index is
 * immutable and thread-safe; rebuild it when the entries change.
 */
public final class KnowledgeBase {

    /** Coverage at or above which a match is confident. */
    static final double CONFIDENT_COVERAGE = 0.6;

    /** A confident match must beat the best other entry's coverage by at least this much. */
    static final double MARGIN = 0.1;

    /** Words clients write around any question; they say nothing about which entry fits. */
    private static final List<String> FILLERS =
            List.of(
                    "подскажите",
                    "скажите",
                    "пожалуйста",
                    "пжл",
                    "пж",
                    "здравствуйте",
                    "добрый",
                    "день",
                    "вечер",
                    "утро",
                    "привет",
                    "интересует",
                    "интересно",
                    "хотел",
                    "хотела",
                    "хотели",
                    "узнать",
                    "вопрос",
                    "вообще",
                    "можно",
                    "ли",
                    "у",
                    "вас",
                    "вы",
                    "ваш",
                    "ваши",
                    "ваша",
                    "это",
                    "а",
                    "и",
                    "еще",
                    "ещё",
                    "мне",
                    "нам",
                    "нас",
                    "есть",
                    "какой",
                    "какая",
                    "какие",
                    "каким",
                    "какое",
                    "как",
                    "что",
                    "сколько",
                    "будет",
                    "будут",
                    "дом",
                    "дома",
                    "домов",
                    "домa",
                    "тогда",
                    "там",
                    "просто",
                    "примерно",
                    "ну",
                    "вот",
                    "так",
                    "же");

    /** The base with no entries: every question is declined. */
    public static final KnowledgeBase EMPTY = new KnowledgeBase(List.of());

    /** One indexed entry. */
    public record Item(String id, String title, List<String> questions, String answer) {
        public Item {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            questions = List.copyOf(Objects.requireNonNullElse(questions, List.of()));
            Objects.requireNonNull(answer, "answer");
        }

        /** {@code true} for a document (no question variants). */
        public boolean document() {
            return questions.isEmpty();
        }
    }

    /**
     * The best passage of one entry for a question.
     *
     * @param item the entry
     * @param passage the text to quote: the answer, or the paragraph of a document that matched
     * @param coverage the IDF-weighted share of the question's words found in the passage (0–1)
     * @param score the BM25 score (for ordering only)
     */
    public record Match(
            Item item, String passage, double coverage, double variantCoverage, double score) {
        /** Coverage first; a question variant mostly made of the client's words breaks ties. */
        double rank() {
            return coverage + 0.25 * variantCoverage;
        }
    }

    /**
     * The answer to one question.
     *
     * @param best the confident match, or {@code null} when the question should be declined
     * @param top the best passages of different entries, best first (for LLM grounding)
     */
    public record Answer(Match best, List<Match> top) {
        /** {@code true} when exactly one entry matched confidently. */
        public boolean confident() {
            return best != null;
        }
    }

    private final List<Item> items;
    private final Analyzer analyzer;
    private final IndexSearcher searcher;
    private final List<Passage> passages = new ArrayList<>();
    private final Map<String, Integer> entryFrequency = new HashMap<>();

    private record Passage(Item item, String text, Set<String> terms, boolean variant) {}

    private KnowledgeBase(List<Item> items) {
        this.items = List.copyOf(items);
        CharArraySet stop = new CharArraySet(RussianAnalyzer.getDefaultStopSet(), true);
        stop.addAll(FILLERS);
        this.analyzer = new RussianAnalyzer(stop);
        if (this.items.isEmpty()) {
            this.searcher = null;
            return;
        }
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w =
                new IndexWriter(
                        dir, new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity()))) {
            for (Item item : this.items) {
                Set<String> entryTerms = new HashSet<>();
                List<String> texts = passagesOf(item);
                for (int k = 0; k < texts.size(); k++) {
                    String text = texts.get(k);
                    boolean variant = !item.document() && k < item.questions().size();
                    String indexed =
                            item.document()
                                    ? item.title() + "\n" + text
                                    : text + "\n" + item.title();
                    Set<String> terms = terms(indexed);
                    entryTerms.addAll(terms);
                    Document d = new Document();
                    d.add(new TextField("text", normalize(indexed), Field.Store.NO));
                    d.add(new StoredField("passage", passages.size()));
                    passages.add(
                            new Passage(
                                    item, item.document() ? text : item.answer(), terms, variant));
                    w.addDocument(d);
                }
                entryTerms.forEach(t -> entryFrequency.merge(t, 1, Integer::sum));
            }
            w.commit();
            this.searcher = new IndexSearcher(DirectoryReader.open(dir));
            this.searcher.setSimilarity(new BM25Similarity());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indexes {@code items} (an empty list gives {@link #EMPTY}'s behaviour). */
    public static KnowledgeBase of(List<Item> items) {
        return items.isEmpty() ? EMPTY : new KnowledgeBase(items);
    }

    /**
     * Indexes a pack's default entries ({@code IndustryPack.defaultKnowledge}); entry ids are
     * {@code idPrefix} followed by the 1-based position.
     */
    public static KnowledgeBase ofEntries(List<KnowledgeEntry> entries, String idPrefix) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            KnowledgeEntry e = entries.get(i);
            items.add(new Item(idPrefix + (i + 1), e.title(), e.questions(), e.answer()));
        }
        return of(items);
    }

    /** The indexed entries. */
    public List<Item> items() {
        return items;
    }

    /** {@code true} when there are no entries. */
    public boolean isEmpty() {
        return items.isEmpty();
    }

    /**
     * {@code true} when {@code text} has at least two words that could point to an entry: enough to
     * be a real question worth leaving for the specialist («баню строите?»), unlike «Алло?».
     */
    public boolean informative(String text) {
        return new HashSet<>(analyze(text)).size() >= 2;
    }

    /**
     * Finds the entry that answers {@code question}.
     *
     * @param question the client's message
     * @param limit how many entries to return in {@link Answer#top()}
     */
    public Answer ask(String question, int limit) {
        List<String> queryTerms = new ArrayList<>(new LinkedHashSet<>(analyze(question)));
        if (searcher == null || queryTerms.isEmpty()) {
            return new Answer(null, List.of());
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (String t : queryTerms) {
            q.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD);
            if (t.length() >= 4) {
                q.add(
                        new BoostQuery(new FuzzyQuery(new Term("text", t), 1, 1), 0.5f),
                        BooleanClause.Occur.SHOULD);
            }
        }
        Map<Item, Match> bestPerEntry = new LinkedHashMap<>();
        try {
            for (ScoreDoc sd : searcher.search(q.build(), 50).scoreDocs) {
                int index =
                        searcher.storedFields()
                                .document(sd.doc)
                                .getField("passage")
                                .numericValue()
                                .intValue();
                Passage p = passages.get(index);
                double coverage = coverage(queryTerms, p.terms());
                double variantCoverage =
                        p.variant() ? coverage(List.copyOf(p.terms()), Set.copyOf(queryTerms)) : 0;
                Match m = new Match(p.item(), p.text(), coverage, variantCoverage, sd.score);
                Match old = bestPerEntry.get(p.item());
                if (old == null || better(m, old)) {
                    bestPerEntry.put(p.item(), m);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Match> ranked = new ArrayList<>(bestPerEntry.values());
        ranked.sort((a, b) -> better(a, b) ? -1 : better(b, a) ? 1 : 0);
        List<Match> top = List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
        if (ranked.isEmpty()) {
            return new Answer(null, top);
        }
        Match first = ranked.get(0);
        double second = ranked.size() > 1 ? ranked.get(1).rank() : 0;
        boolean confident =
                first.coverage() >= CONFIDENT_COVERAGE && first.rank() - second >= MARGIN;
        return new Answer(confident ? first : null, top);
    }

    private static boolean better(Match a, Match b) {
        if (Math.abs(a.rank() - b.rank()) > 1e-9) {
            return a.rank() > b.rank();
        }
        return a.score() > b.score();
    }

    /** IDF-weighted share of the query terms found (exactly or within one edit) in the passage. */
    private double coverage(List<String> query, Set<String> passage) {
        double all = 0;
        double found = 0;
        int n = items.size();
        for (String t : query) {
            int df = entryFrequency.getOrDefault(t, 0);
            boolean hit = passage.contains(t);
            if (!hit && t.length() >= 4) {
                for (String p : passage) {
                    if (withinOneEdit(t, p)) {
                        hit = true;
                        df = Math.max(df, entryFrequency.getOrDefault(p, 0));
                        break;
                    }
                }
            }
            // a word no entry knows weighs like the rarest known word (cities, verbs, typos)
            double idf = Math.log(1 + (n - Math.max(df, 1) + 0.5) / (Math.max(df, 1) + 0.5));
            all += idf;
            if (hit) {
                found += idf;
            }
        }
        return all == 0 ? 0 : found / all;
    }

    /** Levenshtein distance ≤ 1 (typos such as «акна», «гарнтия»). */
    static boolean withinOneEdit(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1 || a.equals(b)) {
            return a.equals(b);
        }
        if (la > lb) {
            return withinOneEdit(b, a);
        }
        int i = 0;
        while (i < la && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (la == lb) {
            return a.substring(i + 1).equals(b.substring(i + 1));
        }
        return a.substring(i).equals(b.substring(i + 1));
    }

    private static List<String> passagesOf(Item item) {
        if (!item.document()) {
            List<String> out = new ArrayList<>(item.questions());
            out.add(item.answer());
            return out;
        }
        List<String> out = new ArrayList<>();
        for (String p : item.answer().split("\\n\\s*\\n")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out.isEmpty() ? List.of(item.answer()) : out;
    }

    private Set<String> terms(String text) {
        return new HashSet<>(analyze(text));
    }

    private List<String> analyze(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", normalize(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String normalize(String text) {
        return TextNormalizer.normalize(text == null ? "" : text);
    }
}
