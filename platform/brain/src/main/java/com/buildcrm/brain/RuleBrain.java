package com.buildcrm.brain;

import com.buildcrm.brain.Intents.Intent;
import com.buildcrm.plugin.api.Advice;
import com.buildcrm.plugin.api.AdviceRequest;
import com.buildcrm.plugin.api.Extraction;
import com.buildcrm.plugin.api.ExtractionRequest;
import com.buildcrm.plugin.api.FieldType;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.Locales;
import com.buildcrm.plugin.api.QualificationField;
import com.buildcrm.plugin.api.text.TextNormalizer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline, deterministic brain: the default and the fallback when the LLM brain fails. It
 * extracts values (core extractors, then the pack's, whose values win), detects intents, weaves in
 * the pack's advice and writes one short, polite reply that asks for the next missing required
 * field — the way a sales consultant in Kazakhstan writes on WhatsApp.
 *
 * <p>Rules (brief §6.3, §6.4): a call wish is followed up with the name and a convenient time; a
 * price question first collects the pack's price-minimum fields, then offers a call, and insisting
 * requests the call at once; "not interested" gets one polite closing reply; asking for a person
 * hands the lead off.
 */
public final class RuleBrain implements Brain {

    /** Creates the rule brain (it holds no state). */
    public RuleBrain() {}

    @Override
    public List<Action> decide(TurnInput input) {
        return new Turn(input).decide();
    }

    /** One decision; holds the turn's working data so helpers stay short. */
    private static final class Turn {
        private final TurnInput in;
        private final Texts t;
        private final List<QualificationField> schema;
        private final Map<String, QualificationField> byKey = new LinkedHashMap<>();
        private final AiMemory mem;
        private final Map<String, Object> extracted;
        private final Map<String, Object> fields;
        private final Set<Intent> intents;
        private final List<Action> actions = new ArrayList<>();
        private final List<String> parts = new ArrayList<>();
        private final List<String> knowledgeParts = new ArrayList<>();
        private final List<Action> knowledgeActions = new ArrayList<>();
        private final java.util.Set<String> unclear = new java.util.HashSet<>();

        Turn(TurnInput in) {
            this.in = in;
            this.t = Locales.isEnglish(in.locale()) ? Texts.EN : Texts.RU;
            this.schema = in.pack().qualificationSchema();
            for (QualificationField f : schema) {
                byKey.put(f.key(), f);
            }
            this.mem = in.state().memory();
            this.extracted = extract();
            this.fields = new LinkedHashMap<>(in.state().fields());
            fields.putAll(extracted);
            this.intents = Intents.detect(String.join("\n", in.burst()));
        }

        List<Action> decide() {
            if (!extracted.isEmpty()) {
                actions.add(new Action.SaveFields(extracted));
            }
            if (intents.contains(Intent.WANTS_HUMAN)) {
                actions.add(new Action.HandOff("Клиент просит живого менеджера"));
                actions.add(new Action.Reply(t.handOff));
                return actions;
            }
            if (intents.contains(Intent.NOT_INTERESTED) && !intents.contains(Intent.CALL_WANTED)) {
                actions.add(new Action.NotInterested("Клиенту неинтересно"));
                actions.add(new Action.SetTemperature(Temperature.COLD, "Клиенту неинтересно"));
                actions.add(new Action.Reply(t.closing));
                return actions;
            }
            boolean priceNow = intents.contains(Intent.PRICE_ASKED);
            if (consultKnowledge(priceNow)) {
                priceNow = false; // «окна входят в цену?» is answered, not a price request
            }
            if (priceNow) {
                actions.add(new Action.PriceAsked());
            }
            boolean offerPending = mem.callOffered() && mem.askedField() == null;
            boolean agreed =
                    offerPending
                            && intents.contains(Intent.AGREE)
                            && !intents.contains(Intent.DECLINE);
            boolean wantsCallNow =
                    !mem.callWanted()
                            && (intents.contains(Intent.CALL_WANTED)
                                    || agreed
                                    || intents.contains(Intent.PRICE_INSISTED)
                                    || (priceNow && mem.callOffered()));
            boolean callWanted = mem.callWanted() || wantsCallNow;
            String name = text(fields.get(CoreExtractors.NAME));
            String time = text(fields.get(CoreExtractors.CALL_TIME));
            boolean callDetailsNew =
                    extracted.containsKey(CoreExtractors.NAME)
                            || extracted.containsKey(CoreExtractors.CALL_TIME);

            // A client who ignored the question twice is not asked a third time.
            boolean needName = name == null && timesAsked(CoreExtractors.NAME) < 2;
            boolean needTime = time == null && timesAsked(CoreExtractors.CALL_TIME) < 2;
            boolean inCallFlow =
                    CoreExtractors.NAME.equals(mem.askedField())
                            || CoreExtractors.CALL_TIME.equals(mem.askedField());
            if (callWanted
                    && (wantsCallNow || needName || needTime || callDetailsNew || inCallFlow)) {
                return callFlow(wantsCallNow, priceNow, name, time, needName, needTime);
            }

            List<String> minMissing = missing(priceMinimum());
            String nextKey = null;
            String priceText = null;
            boolean offerCall = false;
            if (priceNow) {
                if (callWanted) {
                    priceText = t.priceOnCall;
                } else if (mem.priceAsks() == 0 && !minMissing.isEmpty()) {
                    priceText = String.format(t.priceDepends, labels(minMissing));
                    nextKey = minMissing.get(0);
                } else {
                    offerCall = true;
                }
            }
            boolean declined =
                    offerPending
                            && (intents.contains(Intent.DECLINE)
                                    || intents.contains(Intent.THINKING));
            if (intents.contains(Intent.THINKING) && extracted.isEmpty() && !priceNow) {
                addKnowledge();
                add(t.thinking);
                return reply();
            }

            String ack = acknowledgement();
            if (declined) {
                ack = t.declineOk;
            }
            add(ack);
            addKnowledge();
            addAdvice();
            if (offerCall) {
                add(t.offerCall);
                actions.add(new Action.OfferCall());
                return reply();
            }
            add(priceText);
            String unclearKey = unclearAnswer();
            if (nextKey == null && unclearKey != null && !mem.askedAgain().contains(unclearKey)) {
                if (parts.isEmpty()) {
                    add(t.understood);
                }
                askAgain(unclearKey);
                return reply();
            }
            if (nextKey == null) {
                nextKey = firstMissingRequired();
            }
            if (unclearKey != null && mem.askedAgain().contains(unclearKey)) {
                // asked twice already: no loop, the specialist clarifies it on the call
                if (parts.isEmpty()) {
                    ack = t.understood;
                    add(ack);
                }
                add(t.clarifyOnCall);
            }
            if (nextKey != null) {
                ask(nextKey);
            } else if (!callWanted && !declined) {
                if (!extracted.isEmpty() || !mem.callOffered()) {
                    if (ack == null) {
                        add(t.thanks);
                    }
                    add(summary());
                    add(t.offerCall);
                } else {
                    add(alternativeOr(t.offerCall, t.offerCallAgain));
                }
                actions.add(new Action.OfferCall());
            } else {
                if (parts.isEmpty()) {
                    add(intents.contains(Intent.THANKS) ? t.welcome : t.thanks);
                }
                add(callWanted ? t.managerWillCall : t.stayInTouch);
            }
            return reply();
        }

        private List<Action> callFlow(
                boolean wantsCallNow,
                boolean priceNow,
                String name,
                String time,
                boolean needName,
                boolean needTime) {
            if (wantsCallNow) {
                actions.add(new Action.RequestCall(name, time));
            }
            if (needName) {
                add(wantsCallNow ? t.callAck : acknowledgement());
                addKnowledge();
                add(priceNow ? t.priceOnCall : null);
                ask(CoreExtractors.NAME);
            } else if (needTime) {
                if (name != null && (wantsCallNow || extracted.containsKey(CoreExtractors.NAME))) {
                    add(String.format(t.callAckNamed, name));
                } else {
                    add(wantsCallNow ? t.callAck : acknowledgement());
                }
                addKnowledge();
                add(priceNow ? t.priceOnCall : null);
                ask(CoreExtractors.CALL_TIME);
            } else {
                if (!wantsCallNow) {
                    actions.add(new Action.RequestCall(name, time));
                }
                String when = time == null ? t.soon : timePhrase(time, t == Texts.EN);
                addKnowledge();
                add(
                        name == null
                                ? String.format(t.confirmNoName, when)
                                : String.format(t.confirm, name, when));
            }
            return reply();
        }

        /**
         * Looks the client's questions up in the knowledge base (ADR 032): a confident match is
         * answered from its entry; a question nothing matches is politely left for the specialist's
         * call — never invented. Price and call requests keep their own flow.
         *
         * @return {@code true} when at least one question was answered from an entry
         */
        private boolean consultKnowledge(boolean priceAsked) {
            KnowledgeBase kb = in.knowledge();
            if (kb == null) {
                return false;
            }
            java.util.Set<String> used = new java.util.HashSet<>();
            String unanswered = null;
            for (String message : in.burst()) {
                if (!Questions.isQuestion(message)) {
                    continue;
                }
                KnowledgeBase.Answer answer = kb.ask(message, 3);
                if (answer.confident()) {
                    KnowledgeBase.Match m = answer.best();
                    if (used.add(m.item().id()) && used.size() <= 2) {
                        knowledgeParts.add(m.passage());
                        knowledgeActions.add(
                                new Action.KnowledgeAnswered(
                                        m.item().id(), m.item().title(), message, m.passage()));
                    }
                } else if (unanswered == null && kb.informative(message)) {
                    unanswered = message;
                }
            }
            boolean answered = !used.isEmpty();
            if (!answered
                    && unanswered != null
                    && !priceAsked
                    && !intents.contains(Intent.CALL_WANTED)) {
                knowledgeParts.add(t.specialistWillAnswer);
                knowledgeActions.add(new Action.KnowledgeDeclined(unanswered));
            }
            return answered;
        }

        private void addKnowledge() {
            knowledgeParts.forEach(this::add);
            actions.addAll(knowledgeActions);
            knowledgeParts.clear();
            knowledgeActions.clear();
        }

        private List<Action> reply() {
            if (!parts.isEmpty()) {
                actions.add(new Action.Reply(String.join(" ", parts)));
            }
            return actions;
        }

        private void add(String part) {
            if (part != null && !part.isBlank()) {
                parts.add(part.strip());
            }
        }

        /**
         * The asked field the client answered with something that fits another question (the pack
         * said so), still without a value; or {@code null}.
         */
        private String unclearAnswer() {
            String asked = mem.askedField();
            if (asked == null
                    || !unclear.contains(asked)
                    || extracted.containsKey(asked)
                    || TurnEngine.filled(fields.get(asked))) {
                return null;
            }
            return asked;
        }

        /** Asks for {@code key} once more, in other words (the pack's, or a polite generic one). */
        private void askAgain(String key) {
            String again = null;
            try {
                again = in.pack().clarifyingQuestion(key, in.locale());
            } catch (RuntimeException e) {
                // a failing pack is skipped, never fatal
            }
            if (again == null || again.isBlank()) {
                QualificationField f = byKey.get(key);
                again = String.format(t.askAgain, lowerFirst(f.question(in.locale())));
            }
            add(again);
            actions.add(new Action.AskedField(key));
            actions.add(new Action.AskedAgain(key));
        }

        private String acknowledgement() {
            boolean greets =
                    intents.contains(Intent.GREETING_ONLY)
                            || (mem.clientTurns() == 0
                                    && Intents.greets(String.join(" ", in.burst())));
            if (greets && !in.greeted()) {
                return t.hello;
            }
            if (!extracted.isEmpty()) {
                return t.acks.get(mem.clientTurns() % t.acks.size());
            }
            if (intents.contains(Intent.THANKS)) {
                return t.welcome;
            }
            return null;
        }

        private void addAdvice() {
            if (fields.isEmpty()) {
                return;
            }
            List<Advice> advice;
            try {
                advice =
                        in.pack()
                                .advise(
                                        new AdviceRequest(
                                                fields,
                                                mem.adviceGiven(),
                                                in.locale(),
                                                in.packSettings()));
            } catch (RuntimeException e) {
                return; // a failing pack is skipped, never fatal
            }
            if (advice == null) {
                return;
            }
            int given = 0;
            for (Advice a : advice) {
                if (a != null && !mem.adviceGiven().contains(a.key()) && given < 2) {
                    add(a.text());
                    actions.add(new Action.AdviceGiven(a.key()));
                    given++;
                }
            }
        }

        /** Asks for {@code key}; never the exact same sentence as our previous message. */
        private void ask(String key) {
            QualificationField f = byKey.get(key);
            String question =
                    f != null
                            ? f.question(in.locale())
                            : CoreExtractors.NAME.equals(key) ? t.askName : t.askTime;
            String alt =
                    switch (key) {
                        case CoreExtractors.NAME -> t.altName;
                        case CoreExtractors.CITY -> t.altCity;
                        case CoreExtractors.CALL_TIME -> t.altTime;
                        default ->
                                String.format(
                                        t.altField,
                                        f == null
                                                ? key
                                                : lowerFirst(shortLabel(f.label(in.locale()))));
                    };
            add(alternativeOr(question, alt));
            if (f != null) {
                actions.add(new Action.AskedField(key));
            }
        }

        /** How many of our earlier messages asked for a core call detail. */
        private int timesAsked(String key) {
            QualificationField f = byKey.get(key);
            boolean isName = CoreExtractors.NAME.equals(key);
            String question = f != null ? f.question(in.locale()) : isName ? t.askName : t.askTime;
            String alt = isName ? t.altName : t.altTime;
            int count = 0;
            for (HistoryLine line : in.history()) {
                if (!line.fromClient()
                        && (line.text().contains(question) || line.text().contains(alt))) {
                    count++;
                }
            }
            return count;
        }

        /**
         * {@code alternative} when our last message(s) — a reply, or the greeting chain — said
         * {@code sentence}.
         */
        private String alternativeOr(String sentence, String alternative) {
            StringBuilder lastBot = new StringBuilder();
            for (HistoryLine line : in.history()) {
                if (line.fromClient()) {
                    lastBot.setLength(0);
                } else {
                    lastBot.append(line.text()).append('\n');
                }
            }
            boolean repeated = lastBot.indexOf(sentence.strip()) >= 0;
            if (repeated && lastBot.indexOf(alternative.strip()) >= 0) {
                return sentence; // both were said: the one not said last time (not the alternative)
            }
            return repeated ? alternative : sentence;
        }

        /**
         * The values this turn's messages give. Every message is read on its own (core extractors,
         * then the pack's, whose values win), then all of them together for a value said across
         * messages. Other fields take the latest message's value (a later message corrects an
         * earlier one); the field the bot asked for takes the message that answers it (see {@link
         * #askedValue}), so the same answer is taken however the client's messages fall into turns
         * — and never a question sent along with it.
         */
        private Map<String, Object> extract() {
            Map<String, Object> known = in.state().fields();
            String asked = mem.askedField();
            QualificationField askedField = asked == null ? null : byKey.get(asked);
            List<String> burst = in.burst();
            List<String> texts = new ArrayList<>(burst);
            if (burst.size() > 1) {
                texts.add(String.join("\n", burst));
            }
            Map<String, Object> raw = new LinkedHashMap<>();
            AskedValue answer = null;
            boolean anyQuestion = false;
            for (int i = 0; i < texts.size(); i++) {
                boolean joined = i == burst.size();
                String text = texts.get(i);
                boolean question = joined ? anyQuestion : Questions.isQuestion(text);
                anyQuestion |= question;
                Map<String, Object> found = read(text, known, asked);
                Object value = asked == null ? null : found.remove(asked);
                if (joined) {
                    found.forEach(raw::putIfAbsent);
                } else {
                    raw.putAll(found);
                }
                if (value != null && askedField != null) {
                    AskedValue candidate = askedValue(askedField, text, question, value);
                    if (candidate != null && joined) {
                        candidate = new AskedValue(candidate.value(), candidate.rank() + 4);
                    }
                    if (candidate != null && (answer == null || candidate.rank() < answer.rank())) {
                        answer = candidate; // the earliest of the best answers
                    }
                }
            }
            if (answer != null) {
                raw.put(asked, answer.value());
            } else if (askedField != null && !unclear.contains(asked)) {
                for (String message : burst) {
                    Object bare = bareAnswer(askedField, message);
                    if (bare != null && fits(askedField, bare)) {
                        raw.put(asked, bare);
                        break;
                    }
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : raw.entrySet()) {
                QualificationField f = byKey.get(e.getKey());
                if (f == null || e.getValue() == null) {
                    continue;
                }
                try {
                    Object v = ActionValidator.coerce(f, e.getValue());
                    if (!sameValue(known.get(e.getKey()), v)) {
                        out.put(e.getKey(), v);
                    }
                } catch (InvalidActionException ignored) {
                    // the value does not fit the schema: drop it, the question will be asked again
                }
            }
            return out;
        }

        /** The core values, then the pack's (which win), in {@code text}; notes what is unclear. */
        private Map<String, Object> read(String text, Map<String, Object> known, String asked) {
            ExtractionRequest req = new ExtractionRequest(text, known, asked, in.packSettings());
            Map<String, Object> found = new LinkedHashMap<>(CoreExtractors.extract(req));
            Extraction pack = packExtract(in.pack(), req);
            found.putAll(pack.values());
            unclear.addAll(pack.unclear());
            return found;
        }

        /**
         * What {@code text} names plainly: read in the context of the asked field, but without
         * taking a bare answer to it (the core's «Алматы» counts, a short phrase taken as written
         * does not; the pack reads the text as if nothing were asked).
         */
        private Map<String, Object> readPlainly(
                String text, Map<String, Object> known, String asked) {
            Map<String, String> settings = in.packSettings();
            Map<String, Object> found =
                    new LinkedHashMap<>(
                            CoreExtractors.extract(
                                    new ExtractionRequest(text, known, asked, settings), false));
            found.putAll(
                    packExtract(in.pack(), new ExtractionRequest(text, known, null, settings))
                            .values());
            return found;
        }

        /** A value for the asked field and how well its message answers it (lower is better). */
        private record AskedValue(Object value, int rank) {}

        /**
         * How well {@code text} answers the asked {@code field}, given the {@code value} read from
         * it: 0 — it names the value plainly; 1 — a bare answer («Узынагаш», «12»); 2 — a question
         * that names it plainly («а в Алматы замер бесплатный?»); 3 — a question with a bare yes/no
         * or number. A question is never a bare answer to a text field: «Есть ли рассрочка?» is
         * answered as a question, not stored as the city. The joined messages rank after every
         * single one.
         *
         * @return the value to store and its rank, or {@code null} when it does not answer
         */
        private AskedValue askedValue(
                QualificationField field, String text, boolean question, Object value) {
            Object plain = readPlainly(text, in.state().fields(), field.key()).get(field.key());
            Object taken = value;
            int rank;
            if (!question) {
                rank = plain == null ? 1 : 0;
            } else if (plain != null) {
                taken = field.type() == FieldType.TEXT ? plain : value;
                rank = 2;
            } else if (field.type() != FieldType.TEXT) {
                rank = 3;
            } else {
                return null;
            }
            return fits(field, taken) ? new AskedValue(taken, rank) : null;
        }

        private static boolean fits(QualificationField field, Object value) {
            try {
                ActionValidator.coerce(field, value);
                return true;
            } catch (InvalidActionException e) {
                return false;
            }
        }

        /**
         * A bare answer to the asked field that neither the core nor the pack understood: "да" for
         * a yes/no field, "12" or "10,5 м" for a number, a short phrase for a pack's text field. A
         * question is not a text answer («есть ли рассрочка» is no colour) and says no plain «есть»
         * to a yes/no field.
         */
        private static Object bareAnswer(QualificationField f, String message) {
            String n = TextNormalizer.normalize(message);
            if (n.isEmpty()) {
                return null;
            }
            Set<Intent> found = Intents.detect(message);
            boolean question = Questions.isQuestion(message);
            switch (f.type()) {
                case BOOLEAN:
                    if (found.contains(Intent.DECLINE)) {
                        return Boolean.FALSE;
                    }
                    if (found.contains(Intent.AGREE)) {
                        return Boolean.TRUE;
                    }
                    if (question && n.contains(" ")) {
                        return null;
                    }
                    return n.split("[ ,.]")[0];
                case NUMBER:
                case INTEGER:
                    Matcher m = BARE_NUMBER.matcher(n);
                    return m.matches() ? m.group(1) : null;
                default:
                    boolean core =
                            f.key().equals(CoreExtractors.NAME)
                                    || f.key().equals(CoreExtractors.CITY)
                                    || f.key().equals(CoreExtractors.CALL_TIME);
                    String text = message.strip();
                    boolean onlyPoliteness =
                            found.isEmpty() || Set.of(Intent.THANKS).containsAll(found);
                    if (core
                            || !onlyPoliteness
                            || question
                            || Intents.onlyThanks(text)
                            || text.length() > 200
                            || text.matches("^\\[.*]$")
                            || !text.matches("(?s).*\\p{L}{2,}.*")) {
                        return null;
                    }
                    return text;
            }
        }

        private static Extraction packExtract(IndustryPack pack, ExtractionRequest req) {
            try {
                var extraction = pack.extract(req);
                return extraction == null ? Extraction.none() : extraction;
            } catch (RuntimeException e) {
                return Extraction.none();
            }
        }

        private List<String> priceMinimum() {
            try {
                List<String> keys = in.pack().priceMinimumFields();
                return keys == null ? List.of() : keys;
            } catch (RuntimeException e) {
                return List.of();
            }
        }

        /** The keys of {@code keys} not filled yet, in schema order. */
        private List<String> missing(List<String> keys) {
            List<String> out = new ArrayList<>();
            for (QualificationField f : schema) {
                if (keys.contains(f.key()) && !TurnEngine.filled(fields.get(f.key()))) {
                    out.add(f.key());
                }
            }
            return out;
        }

        /**
         * The next required field to ask; a field asked again in other words is not asked a third
         * time.
         */
        private String firstMissingRequired() {
            for (QualificationField f : schema) {
                if (f.required()
                        && !TurnEngine.filled(fields.get(f.key()))
                        && !mem.askedAgain().contains(f.key())) {
                    return f.key();
                }
            }
            return null;
        }

        private String labels(List<String> keys) {
            List<String> out = new ArrayList<>();
            for (String k : keys) {
                out.add(lowerFirst(shortLabel(byKey.get(k).label(in.locale()))));
            }
            if (out.size() == 1) {
                return out.get(0);
            }
            return String.join(", ", out.subList(0, out.size() - 1))
                    + t.and
                    + out.get(out.size() - 1);
        }

        private String summary() {
            List<String> items = new ArrayList<>();
            for (QualificationField f : schema) {
                Object v = fields.get(f.key());
                if (f.required() && TurnEngine.filled(v)) {
                    items.add(lowerFirst(shortLabel(f.label(in.locale()))) + " — " + format(v));
                }
            }
            return items.isEmpty() ? null : t.summary + String.join(", ", items) + ".";
        }

        private String format(Object v) {
            if (v instanceof Boolean b) {
                return b ? t.yes : t.no;
            }
            if (v instanceof BigDecimal d) {
                String plain = d.stripTrailingZeros().toPlainString();
                return t == Texts.RU ? plain.replace('.', ',') : plain;
            }
            return String.valueOf(v);
        }

        private static boolean sameValue(Object a, Object b) {
            if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
                return x.compareTo(y) == 0;
            }
            if (a instanceof String x && b instanceof String y) {
                return x.equalsIgnoreCase(y);
            }
            return Objects.equals(a, b);
        }
    }

    private static final Pattern BARE_NUMBER =
            Pattern.compile(
                    "^(?:около\\s+|примерно\\s+|где-?то\\s+)?(\\d+(?:[.,]\\d+)?)\\s*[\\p{L}.²]{0,12}$",
                    Pattern.UNICODE_CHARACTER_CLASS);

    static String text(Object v) {
        return v == null || v.toString().isBlank() ? null : v.toString();
    }

    /** "Длина дома, м" → "Длина дома". */
    static String shortLabel(String label) {
        if (label == null) {
            return "";
        }
        int comma = label.indexOf(',');
        int paren = label.indexOf('(');
        int cut = label.length();
        if (comma > 0) {
            cut = Math.min(cut, comma);
        }
        if (paren > 0) {
            cut = Math.min(cut, paren);
        }
        return label.substring(0, cut).strip();
    }

    static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(1))) {
            return s; // an abbreviation such as "ИИН"
        }
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    /** "завтра в 10" stays; "10:00" → "в 10:00" ("at 10:00"); "Завтра" → "завтра". */
    static String timePhrase(String time, boolean english) {
        String s = time.strip();
        if (!s.isEmpty() && Character.isDigit(s.charAt(0))) {
            return (english ? "at " : "в ") + s;
        }
        return lowerFirst(s);
    }

    /** The rule brain's sentences in one locale. */
    private record Texts(
            String hello,
            List<String> acks,
            String thanks,
            String welcome,
            String handOff,
            String closing,
            String callAck,
            String callAckNamed,
            String confirm,
            String confirmNoName,
            String soon,
            String askName,
            String askTime,
            String altName,
            String altCity,
            String altTime,
            String altField,
            String priceDepends,
            String priceOnCall,
            String offerCall,
            String offerCallAgain,
            String declineOk,
            String summary,
            String managerWillCall,
            String stayInTouch,
            String thinking,
            String specialistWillAnswer,
            String understood,
            String askAgain,
            String clarifyOnCall,
            String and,
            String yes,
            String no) {

        static final Texts RU =
                new Texts(
                        "Здравствуйте!",
                        List.of("Спасибо!", "Отлично!", "Хорошо, спасибо!", "Принято, спасибо!"),
                        "Спасибо!",
                        "Пожалуйста!",
                        "Сейчас подключу менеджера, он ответит вам в ближайшее время.",
                        "Понимаю, спасибо, что ответили! Если вопрос снова станет актуальным —"
                                + " пишите, будем рады помочь.",
                        "Конечно, организуем звонок!",
                        "Отлично, %s!",
                        "Спасибо, %s! Наш менеджер позвонит вам %s.",
                        "Спасибо! Наш менеджер позвонит вам %s.",
                        "в ближайшее время",
                        "Как к вам обращаться?",
                        "Когда вам удобно, чтобы мы позвонили?",
                        "Подскажите, пожалуйста, как вас зовут?",
                        "Подскажите, пожалуйста, из какого вы города?",
                        "В какое время вам удобно принять звонок?",
                        "Уточните, пожалуйста: %s?",
                        "Стоимость зависит от параметров: %s.",
                        "Точную стоимость наш менеджер назовёт во время звонка.",
                        "Точный расчёт сделает наш специалист — удобно, если он вам позвонит?",
                        "Могу попросить специалиста позвонить вам и всё рассчитать — вам удобно?",
                        "Хорошо, как вам удобно!",
                        "Итак: ",
                        "Наш менеджер свяжется с вами в удобное время.",
                        "Если появятся вопросы — пишите, я на связи.",
                        "Конечно, подумайте! Если появятся вопросы — пишите, я на связи.",
                        "Хороший вопрос! Точно ответит наш специалист во время звонка, чтобы не"
                                + " ввести вас в заблуждение.",
                        "Понятно, спасибо!",
                        "Хочу уточнить, чтобы не ошибиться: %s",
                        "Этот момент наш специалист уточнит при звонке.",
                        " и ",
                        "да",
                        "нет");

        static final Texts EN =
                new Texts(
                        "Hello!",
                        List.of("Thank you!", "Great!", "Got it, thanks!", "Perfect, thank you!"),
                        "Thank you!",
                        "You're welcome!",
                        "I'm connecting a manager now, they will reply shortly.",
                        "I understand, thank you for letting us know! If it becomes relevant"
                                + " again, just write — we'll be glad to help.",
                        "Of course, let's arrange a call!",
                        "Great, %s!",
                        "Thank you, %s! Our manager will call you %s.",
                        "Thank you! Our manager will call you %s.",
                        "shortly",
                        "How may I address you?",
                        "When is it convenient for us to call you?",
                        "Could you tell me your name, please?",
                        "Which city are you in?",
                        "What time suits you best for a call?",
                        "Sorry, could you clarify: %s?",
                        "The price depends on: %s.",
                        "Our manager will give you the exact price during the call.",
                        "Our specialist will make an exact estimate — would it be convenient if"
                                + " they call you?",
                        "I can ask a specialist to call you and work out the price — would that"
                                + " suit you?",
                        "Sure, as you prefer!",
                        "So: ",
                        "Our manager will contact you at a convenient time.",
                        "If you have any questions, just write — I'm here.",
                        "Of course, take your time! If you have any questions, just write — I'm"
                                + " here.",
                        "Good question! Our specialist will answer it precisely during the call,"
                                + " so that we don't mislead you.",
                        "I see, thank you!",
                        "Let me make sure I understand: %s",
                        "Our specialist will clarify this point on the call.",
                        " and ",
                        "yes",
                        "no");
    }
}
