package com.buildcrm.brain;

import com.buildcrm.plugin.api.GreetingStep;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.QualificationField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An in-memory conversation with one lead: the same pipeline the server runs (brain → {@link
 * ActionValidator} → {@link TurnEngine}), without a database. Used by tests, the testkit and the
 * server's preview. Not thread-safe.
 *
 * <p>If the brain throws or proposes invalid actions, the turn is decided by {@link RuleBrain}
 * instead, exactly as the server does. After a hand-off the AI stays silent until {@link
 * #returnToAi()}.
 */
public final class Conversation {

    /** How many earlier lines a brain sees. */
    public static final int HISTORY_WINDOW = 30;

    private final IndustryPack pack;
    private final Map<String, String> packSettings;
    private final String locale;
    private final Brain brain;
    private final Brain fallback = new RuleBrain();
    private final List<HistoryLine> history = new ArrayList<>();
    private LeadState state = LeadState.fresh();
    private boolean aiActive = true;
    private boolean lastTurnFellBack;
    private KnowledgeBase knowledge;
    private boolean greeted;
    private List<String> lastGreeting = List.of();

    /**
     * Starts a conversation with a fresh lead in the NEW stage.
     *
     * @param pack the tenant's industry pack
     * @param packSettings the tenant's values of the pack settings (may be empty)
     * @param locale {@code ru} or {@code en}
     * @param brain the brain to ask first (e.g. an LLM brain, or {@link RuleBrain})
     */
    public Conversation(
            IndustryPack pack, Map<String, String> packSettings, String locale, Brain brain) {
        this.pack = Objects.requireNonNull(pack, "pack");
        this.packSettings = Map.copyOf(Objects.requireNonNullElse(packSettings, Map.of()));
        this.locale = locale == null ? "ru" : locale;
        this.brain = Objects.requireNonNull(brain, "brain");
    }

    /**
     * The client writes one or more messages quickly (one burst = one AI turn).
     *
     * @param burst the messages, oldest first (at least one)
     * @return what the AI did; when the AI is switched off (after a hand-off) the state is
     *     unchanged and nothing is sent
     */
    public TurnOutcome clientWrites(String... burst) {
        if (burst == null || burst.length == 0) {
            throw new IllegalArgumentException("a burst has at least one message");
        }
        return turn(Arrays.stream(burst).map(m -> m == null ? "" : m).toList(), false);
    }

    /**
     * The client sends one or more voice notes quickly (one burst = one AI turn), as the server
     * hands them to the AI (ADR 033): a transcribed note is the client's words, exactly as if they
     * had been typed; a note that could not be transcribed ({@code null} or blank) stands as {@link
     * UnheardVoice#PLACEHOLDER}. When no note of the burst was transcribed, the brain is not asked
     * (it has nothing to read): the AI asks the client to write, once per run of unheard notes (see
     * {@link UnheardVoice#answer}).
     *
     * @param transcripts the notes' transcripts, oldest first (at least one; {@code null} for a
     *     note nobody could listen to)
     * @return what the AI did (nothing while the AI is switched off)
     */
    public TurnOutcome clientSpeaks(String... transcripts) {
        if (transcripts == null || transcripts.length == 0) {
            throw new IllegalArgumentException("a burst has at least one voice note");
        }
        List<String> messages =
                Arrays.stream(transcripts)
                        .map(t -> t == null || t.isBlank() ? UnheardVoice.PLACEHOLDER : t.strip())
                        .toList();
        boolean unheardOnly = messages.stream().allMatch(UnheardVoice.PLACEHOLDER::equals);
        return turn(messages, unheardOnly);
    }

    private TurnOutcome turn(List<String> messages, boolean unheardVoiceOnly) {
        if (!aiActive) {
            messages.forEach(m -> history.add(new HistoryLine(true, m)));
            lastTurnFellBack = false;
            return new TurnOutcome(state, List.of(), List.of(), List.of(), false);
        }
        List<HistoryLine> window =
                history.subList(Math.max(0, history.size() - HISTORY_WINDOW), history.size());
        // as on the server: the first turn sends the greeting chain right before the replies
        List<GreetingStep> chain = pack.defaultGreeting(locale);
        List<String> greetingNow = greeted ? List.of() : chainLines(chain);
        // the brain sees the chain as our last messages, so it does not ask the chain's question
        // again
        List<HistoryLine> seen = new ArrayList<>(window);
        greetingNow.forEach(g -> seen.add(new HistoryLine(false, g)));
        TurnInput input =
                new TurnInput(
                        state,
                        messages,
                        List.copyOf(seen),
                        pack,
                        packSettings,
                        locale,
                        "",
                        knowledge,
                        greeted || !greetingNow.isEmpty());
        List<QualificationField> schema = pack.qualificationSchema();
        int greetingSteps = chain.size();
        List<Action> actions;
        if (unheardVoiceOnly) {
            // as on the server: the request to write, unless it was the last thing we sent
            actions = UnheardVoice.answer(lastSent(), locale);
            lastTurnFellBack = false;
        } else {
            try {
                actions = ActionValidator.validate(brain.decide(input), schema, greetingSteps);
                lastTurnFellBack = false;
            } catch (RuntimeException e) {
                actions = ActionValidator.validate(fallback.decide(input), schema, greetingSteps);
                lastTurnFellBack = true;
            }
        }
        actions = RepeatedGreeting.notAgain(actions, input.greeted());
        TurnOutcome outcome = TurnEngine.apply(state, actions, schema);
        messages.forEach(m -> history.add(new HistoryLine(true, m)));
        greetingNow.forEach(g -> history.add(new HistoryLine(false, g)));
        lastGreeting = greetingNow;
        greeted = true;
        outcome.replies().forEach(r -> history.add(new HistoryLine(false, r)));
        state = outcome.state();
        if (outcome.handOff()) {
            aiActive = false;
        }
        return outcome;
    }

    /** The last line sent to the client (by the AI or a person), or {@code null}. */
    private String lastSent() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (!history.get(i).fromClient()) {
                return history.get(i).text();
            }
        }
        return null;
    }

    /**
     * Answers clients' questions from {@code base} from now on (ADR 032); {@code null} switches
     * question answering off (the default).
     */
    public void useKnowledge(KnowledgeBase base) {
        this.knowledge = base;
    }

    /**
     * The greeting chain sent with the last turn (one line per step: its text, or its kind in
     * brackets), right before that turn's replies; empty on later turns.
     */
    public List<String> lastGreeting() {
        return lastGreeting;
    }

    private static List<String> chainLines(List<GreetingStep> chain) {
        List<String> lines = new ArrayList<>();
        for (GreetingStep step : chain) {
            String text = step.text();
            lines.add(
                    text == null || text.isBlank()
                            ? "[" + step.kind().name().toLowerCase(java.util.Locale.ROOT) + "]"
                            : text);
        }
        return lines;
    }

    /** The lead as it is now. */
    public LeadState state() {
        return state;
    }

    /** Every line so far, oldest first (client messages and our replies). */
    public List<HistoryLine> history() {
        return List.copyOf(history);
    }

    /** {@code true} when the last turn was decided by the fallback rule brain. */
    public boolean lastTurnFellBack() {
        return lastTurnFellBack;
    }

    /** {@code true} while the AI answers (false after a hand-off until {@link #returnToAi()}). */
    public boolean aiActive() {
        return aiActive;
    }

    /** A person moves the lead to {@code role} by hand: the AI may not move it any more. */
    public void lockStage(StageRole role) {
        state = withStage(role, true);
    }

    /** The lead is put into {@code role} without locking it (the AI keeps moving it forward). */
    public void setStage(StageRole role) {
        state = withStage(role, false);
    }

    /** A person returns the lead to the AI: the stage lock is lifted and the AI answers again. */
    public void returnToAi() {
        state = withStage(state.stageRole(), false);
        aiActive = true;
    }

    /** A person takes the dialogue over: the AI stays silent until {@link #returnToAi()}. */
    public void takeOver() {
        aiActive = false;
    }

    /** A person (not the AI) writes to the client; the line joins the history. */
    public void personWrites(String text) {
        history.add(new HistoryLine(false, Objects.requireNonNull(text, "text")));
    }

    private LeadState withStage(StageRole role, boolean locked) {
        return new LeadState(
                state.fields(), role, locked, state.temperature(), state.score(), state.memory());
    }
}
