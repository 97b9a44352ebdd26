package com.buildcrm.testkit;

import com.buildcrm.brain.Brain;
import com.buildcrm.brain.Conversation;
import com.buildcrm.brain.KnowledgeBase;
import com.buildcrm.brain.LeadEventDraft;
import com.buildcrm.brain.LeadState;
import com.buildcrm.brain.RepeatedGreeting;
import com.buildcrm.brain.RuleBrain;
import com.buildcrm.brain.StageRole;
import com.buildcrm.brain.Temperature;
import com.buildcrm.brain.TurnOutcome;
import com.buildcrm.brain.UnheardVoice;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.PackSetting;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A scripted dialogue between a client and the AI manager, for a pack's own JUnit tests. It runs
 * the same pipeline as the server (brain → action validation → pipeline rules) in memory:
 *
 * <pre>{@code
 * Dialogue d = Dialogue.with(new PanelHousesPack());       // RuleBrain, locale "ru", default settings
 * d.client("Здравствуйте! Интересует дом 10 на 12")
 *  .expectField("length_m", 10)
 *  .expectStage(StageRole.PARTIAL_DATA)
 *  .expectReplyAsks("height_m");
 * d.burst("Здравствуйте", "мы из Алматы", "сколько стоит?"); // several quick messages = one turn
 * d.voice("дом восемь на десять, в Караганде");              // a transcribed voice note
 * d.unheardVoice();                                           // one nobody could listen to
 * }</pre>
 *
 * <p>Every {@code expect…} method checks the lead after the last turn and throws an {@link
 * AssertionError} whose message contains the whole {@link #transcript() transcript} (client lines,
 * replies, fields, stage, temperature and score after each turn), so a failing dialogue is easy to
 * read. Configuration ({@link #settings}, {@link #locale}, {@link #brain}) is only possible before
 * the first message. Not thread-safe.
 */
public final class Dialogue {

    private final IndustryPack pack;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private String locale = "ru";
    private Brain brain = new RuleBrain();
    private KnowledgeBase knowledge;
    private Conversation conversation;
    private TurnOutcome lastOutcome;
    private final StringBuilder log = new StringBuilder();
    private int turns;

    private Dialogue(IndustryPack pack) {
        this.pack = Objects.requireNonNull(pack, "pack");
        for (PackSetting s : pack.settingsSchema()) {
            if (s.defaultValue() != null) {
                settings.put(s.key(), s.defaultValue());
            }
        }
    }

    /**
     * Starts a dialogue with a new lead of {@code pack}: the {@link RuleBrain}, locale {@code ru},
     * and the defaults of the pack's {@link IndustryPack#settingsSchema() settings}.
     */
    public static Dialogue with(IndustryPack pack) {
        return new Dialogue(pack);
    }

    /** Overrides pack settings (merged over the defaults). Only before the first message. */
    public Dialogue settings(Map<String, String> values) {
        requireNotStarted("settings");
        settings.putAll(Objects.requireNonNull(values, "values"));
        return this;
    }

    /** Sets the tenant locale ({@code ru} or {@code en}). Only before the first message. */
    public Dialogue locale(String locale) {
        requireNotStarted("locale");
        this.locale = Objects.requireNonNull(locale, "locale");
        return this;
    }

    /**
     * Uses another brain (e.g. a stub LLM brain). As on the server, a turn whose brain throws or
     * proposes invalid actions is decided by the {@link RuleBrain}. Only before the first message.
     */
    public Dialogue brain(Brain brain) {
        requireNotStarted("brain");
        this.brain = Objects.requireNonNull(brain, "brain");
        return this;
    }

    /**
     * Answers questions from the pack's default knowledge base, as a new tenant of the pack does
     * (ADR 032). Only before the first message.
     */
    public Dialogue packKnowledge() {
        return knowledge(KnowledgeBase.ofEntries(pack.defaultKnowledge(locale), "default:"));
    }

    /** Answers questions from {@code base}. Only before the first message. */
    public Dialogue knowledge(KnowledgeBase base) {
        requireNotStarted("knowledge");
        this.knowledge = Objects.requireNonNull(base, "base");
        return this;
    }

    /** The client sends one message; it is answered as one turn. */
    public Dialogue client(String message) {
        return burst(message);
    }

    /** The client sends several messages quickly; they are answered together as ONE turn. */
    public Dialogue burst(String... messages) {
        if (messages == null || messages.length == 0) {
            throw new IllegalArgumentException("a burst has at least one message");
        }
        Conversation c = conversation();
        turns++;
        log.append('#').append(turns).append('\n');
        for (String m : messages) {
            log.append("  client: ").append(m).append('\n');
        }
        return answered(c, c.clientWrites(messages));
    }

    /**
     * The client sends a voice note that was transcribed into {@code transcript}: as on the server
     * (ADR 033), the AI reads the transcript as the client's own words.
     */
    public Dialogue voice(String transcript) {
        if (transcript == null || transcript.isBlank()) {
            throw new IllegalArgumentException(
                    "a transcribed voice note has a transcript; use unheardVoice() for one that was"
                            + " not transcribed");
        }
        return voices(transcript);
    }

    /**
     * The client sends a voice note nobody could listen to (no transcription endpoint, or it
     * failed): the AI asks the client to write, once per run of such notes (ADR 033).
     */
    public Dialogue unheardVoice() {
        return voices((String) null);
    }

    /**
     * The client sends several voice notes quickly, answered together as ONE turn; {@code null}
     * stands for a note that could not be transcribed.
     */
    public Dialogue voices(String... transcripts) {
        if (transcripts == null || transcripts.length == 0) {
            throw new IllegalArgumentException("a burst has at least one voice note");
        }
        Conversation c = conversation();
        turns++;
        log.append('#').append(turns).append('\n');
        for (String t : transcripts) {
            log.append("  client: ")
                    .append(
                            t == null || t.isBlank()
                                    ? "[voice note, not transcribed]"
                                    : "[voice note] " + t)
                    .append('\n');
        }
        return answered(c, c.clientSpeaks(transcripts));
    }

    private Dialogue answered(Conversation c, TurnOutcome outcome) {
        lastOutcome = outcome;
        for (String g : c.lastGreeting()) {
            log.append("  greeting: ").append(g).append('\n');
        }
        if (lastOutcome.replies().isEmpty()) {
            log.append("  bot:    (nothing")
                    .append(c.aiActive() || lastOutcome.handOff() ? "" : ", the AI is off")
                    .append(")\n");
        }
        for (String r : lastOutcome.replies()) {
            log.append("  bot:    ").append(r).append('\n');
        }
        if (!lastOutcome.greetingSteps().isEmpty()) {
            log.append("  greeting steps: ").append(lastOutcome.greetingSteps()).append('\n');
        }
        if (c.lastTurnFellBack()) {
            log.append("  (the brain failed; the rule brain answered)\n");
        }
        appendState(lastOutcome);
        return this;
    }

    /**
     * A person moves the lead to {@code role} by hand; as on the server, this locks the stage (the
     * AI no longer moves the lead).
     */
    public Dialogue humanMovesTo(StageRole role) {
        conversation().lockStage(role);
        log.append("  [a person moved the lead to ").append(role).append("]\n");
        return this;
    }

    /** A person returns the lead to the AI: the stage lock is lifted and the AI answers again. */
    public Dialogue returnToAi() {
        conversation().returnToAi();
        log.append("  [the lead was returned to the AI]\n");
        return this;
    }

    // ---- expectations -------------------------------------------------------------------

    /**
     * The lead has field {@code key} equal to {@code expected}. Numbers are compared by value
     * ({@code 10}, {@code 10L}, {@code 10.0}, {@code "10"}, {@code "10,0"} and {@code new
     * BigDecimal("10.00")} all equal 10); strings ignoring case; booleans exactly.
     */
    public Dialogue expectField(String key, Object expected) {
        requireTurn();
        Object actual = lastOutcome.state().fields().get(key);
        if (actual == null) {
            fail("field " + key + " = " + expected + " expected, but it is not set");
        }
        if (!sameValue(expected, actual)) {
            fail("field " + key + " = " + show(expected) + " expected, but was " + show(actual));
        }
        return this;
    }

    /** The lead has no value for {@code key}. */
    public Dialogue expectNoField(String key) {
        requireTurn();
        Object actual = lastOutcome.state().fields().get(key);
        if (actual != null) {
            fail("field " + key + " expected to be unset, but was " + show(actual));
        }
        return this;
    }

    /** The lead's stage role is {@code role} ({@code null} for a custom stage). */
    public Dialogue expectStage(StageRole role) {
        requireTurn();
        if (state().stageRole() != role) {
            fail("stage " + role + " expected, but was " + state().stageRole());
        }
        return this;
    }

    /** The lead's temperature is {@code temperature}. */
    public Dialogue expectTemperature(Temperature temperature) {
        requireTurn();
        if (state().temperature() != temperature) {
            fail("temperature " + temperature + " expected, but was " + state().temperature());
        }
        return this;
    }

    /** The lead's score is at least {@code min}. */
    public Dialogue expectScoreAtLeast(int min) {
        requireTurn();
        if (state().score() < min) {
            fail("score >= " + min + " expected, but was " + state().score());
        }
        return this;
    }

    /** The lead's score is at most {@code max}. */
    public Dialogue expectScoreAtMost(int max) {
        requireTurn();
        if (state().score() > max) {
            fail("score <= " + max + " expected, but was " + state().score());
        }
        return this;
    }

    /** Some reply of the last turn contains {@code fragment} (ignoring case). */
    public Dialogue expectReplyContains(String fragment) {
        requireTurn();
        if (!allReplies().contains(fragment.toLowerCase(Locale.ROOT))) {
            fail("a reply containing \"" + fragment + "\" expected");
        }
        return this;
    }

    /** No reply of the last turn contains {@code fragment} (ignoring case). */
    public Dialogue expectReplyNotContains(String fragment) {
        requireTurn();
        if (allReplies().contains(fragment.toLowerCase(Locale.ROOT))) {
            fail("no reply containing \"" + fragment + "\" expected");
        }
        return this;
    }

    /**
     * The last turn's reply asks for field {@code key} (the AI remembers it as the asked field).
     */
    public Dialogue expectReplyAsks(String key) {
        requireTurn();
        String asked = state().memory().askedField();
        if (!Objects.equals(asked, key)) {
            fail(
                    "the reply should ask for "
                            + key
                            + ", but "
                            + (asked == null ? "it asks for no field" : "it asks for " + asked));
        }
        return this;
    }

    /**
     * The client is greeted once: no reply of the last turn opens with a greeting («Здравствуйте!»,
     * «Добрый день!») after the greeting chain went out (with this turn or earlier).
     */
    public Dialogue expectNoRepeatedGreeting() {
        requireTurn();
        boolean greetedBefore = turns > 1 || !conversation.lastGreeting().isEmpty();
        for (String r : lastOutcome.replies()) {
            if (greetedBefore && RepeatedGreeting.opensWithGreeting(r)) {
                fail("the client was greeted already, but the reply greets again: " + r);
            }
        }
        return this;
    }

    /** The greeting chain went out with the last turn, before its replies. */
    public Dialogue expectGreetingChain() {
        requireTurn();
        if (conversation.lastGreeting().isEmpty()) {
            fail("the greeting chain expected with this turn");
        }
        return this;
    }

    /**
     * The last turn asked the client to write instead of sending voice notes (a voice note nobody
     * could listen to, ADR 033) — and said nothing else.
     */
    public Dialogue expectAskedToWrite() {
        requireTurn();
        List<String> replies = lastOutcome.replies();
        if (replies.size() != 1 || !UnheardVoice.isAskToWrite(replies.get(0))) {
            fail("only the request to write expected, but the AI sent " + replies);
        }
        return this;
    }

    /** The last turn sent nothing to the client. */
    public Dialogue expectNoReply() {
        requireTurn();
        if (!lastOutcome.replies().isEmpty()) {
            fail("no reply expected, but the AI sent " + lastOutcome.replies());
        }
        return this;
    }

    /** The last turn handed the conversation to a person. */
    public Dialogue expectHandOff() {
        requireTurn();
        if (!lastOutcome.handOff()) {
            fail("a hand-off to a person expected");
        }
        return this;
    }

    /** The last turn did not hand the conversation to a person. */
    public Dialogue expectNoHandOff() {
        requireTurn();
        if (lastOutcome.handOff()) {
            fail("no hand-off expected");
        }
        return this;
    }

    /** The client has asked for a call (in this or an earlier turn). */
    public Dialogue expectCallRequested() {
        requireTurn();
        if (!state().memory().callWanted()) {
            fail("a call request expected");
        }
        return this;
    }

    /** The client has not asked for a call (so far). */
    public Dialogue expectNoCallRequested() {
        requireTurn();
        if (state().memory().callWanted()) {
            fail("no call request expected");
        }
        return this;
    }

    /** The last turn produced a lead event of {@code type} (e.g. {@code stage.changed}). */
    public Dialogue expectEvent(String type) {
        requireTurn();
        if (lastOutcome.events().stream().noneMatch(e -> e.type().equals(type))) {
            fail("an event " + type + " expected in the last turn");
        }
        return this;
    }

    // ---- accessors ------------------------------------------------------------------------

    /** The lead now (a fresh lead before the first message). */
    public LeadState state() {
        return conversation == null ? LeadState.fresh() : conversation.state();
    }

    /** What the last turn did, or {@code null} before the first message. */
    public TurnOutcome lastOutcome() {
        return lastOutcome;
    }

    /** The replies of the last turn (empty before the first message). */
    public List<String> lastReplies() {
        return lastOutcome == null ? List.of() : lastOutcome.replies();
    }

    /** The underlying conversation (starts it if no message was sent yet). */
    public Conversation conversation() {
        if (conversation == null) {
            conversation = new Conversation(pack, settings, locale, brain);
            conversation.useKnowledge(knowledge);
            log.append("Dialogue with pack ")
                    .append(pack.descriptor().id())
                    .append(" (locale ")
                    .append(locale)
                    .append(", brain ")
                    .append(brainName())
                    .append(")\n");
        }
        return conversation;
    }

    /**
     * The whole dialogue so far, readable: each turn's client lines and replies, then the lead's
     * stage, temperature, score, asked field and fields.
     */
    public String transcript() {
        return log.toString();
    }

    @Override
    public String toString() {
        return transcript();
    }

    // ---- internals ------------------------------------------------------------------------

    private void appendState(TurnOutcome o) {
        LeadState s = o.state();
        log.append("  → stage ")
                .append(s.stageRole() == null ? "(custom)" : s.stageRole())
                .append(s.stageLockedByHuman() ? " (locked)" : "")
                .append(" · ")
                .append(s.temperature())
                .append(" · score ")
                .append(s.score());
        if (s.memory().askedField() != null) {
            log.append(" · asks ").append(s.memory().askedField());
        }
        if (s.memory().callWanted()) {
            log.append(" · call wanted");
        }
        log.append('\n');
        Map<String, String> fields = new TreeMap<>();
        s.fields().forEach((k, v) -> fields.put(k, show(v)));
        log.append("    fields ").append(fields).append('\n');
        if (!o.events().isEmpty()) {
            log.append("    events ")
                    .append(o.events().stream().map(LeadEventDraft::type).toList())
                    .append('\n');
        }
    }

    private String brainName() {
        Class<?> type = brain.getClass();
        return type.isSynthetic() || type.isAnonymousClass() || type.getSimpleName().contains("$")
                ? "custom"
                : type.getSimpleName();
    }

    private String allReplies() {
        return String.join("\n", lastOutcome.replies()).toLowerCase(Locale.ROOT);
    }

    private void requireNotStarted(String what) {
        if (conversation != null) {
            throw new IllegalStateException(what + "(…) must be called before the first message");
        }
    }

    private void requireTurn() {
        if (lastOutcome == null) {
            fail("no client message yet: call client(…) or burst(…) first");
        }
    }

    private void fail(String message) {
        throw new AssertionError(
                message + "\n\nafter turn #" + turns + "; transcript:\n" + transcript());
    }

    static boolean sameValue(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (expected instanceof Boolean || actual instanceof Boolean) {
            return expected.equals(actual);
        }
        BigDecimal e = number(expected);
        BigDecimal a = number(actual);
        if ((expected instanceof Number || actual instanceof Number) && e != null && a != null) {
            return e.compareTo(a) == 0;
        }
        return expected.toString().strip().equalsIgnoreCase(actual.toString().strip());
    }

    private static BigDecimal number(Object v) {
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String show(Object v) {
        if (v instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        return String.valueOf(v);
    }
}
