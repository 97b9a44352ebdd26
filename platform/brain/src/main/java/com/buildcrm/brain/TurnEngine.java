package com.buildcrm.brain;

import com.buildcrm.plugin.api.QualificationField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies a turn's validated actions to a lead: merges fields, updates the AI memory, moves the
 * stage by the pipeline rules, recomputes score and temperature, and describes every automatic
 * change as a {@link LeadEventDraft}. Pure: the same input always gives the same outcome.
 *
 * <p>Pipeline rules (the same for every brain):
 *
 * <ul>
 *   <li>the stage never changes when a person locked it, when it is a custom stage ({@code null}
 *       role), WON or LOST;
 *   <li>otherwise the target is CALL_REQUESTED (call wanted), FULL_DATA (all required fields),
 *       PARTIAL_DATA (some required field), IN_PROGRESS (the client answered) or NEW, and the lead
 *       only moves forward in the order NEW &lt; IN_PROGRESS &lt; PARTIAL_DATA &lt; FULL_DATA &lt;
 *       CALL_REQUESTED;
 *   <li>score = round(50 × completeness) + 30 (call wanted) + 2 × min(turns, 5) + 5 (price asked) +
 *       3 (name known), at most 100; at most 10 when the client is not interested;
 *   <li>HOT only with complete data and a wish to talk; WARM with some data, a call wish or a price
 *       question; COLD otherwise. {@link Action.SetTemperature} may only lower it.
 * </ul>
 */
public final class TurnEngine {

    /** The order the AI moves leads in; roles not listed are never entered by the AI. */
    private static final List<StageRole> FORWARD =
            List.of(
                    StageRole.NEW,
                    StageRole.IN_PROGRESS,
                    StageRole.PARTIAL_DATA,
                    StageRole.FULL_DATA,
                    StageRole.CALL_REQUESTED);

    private TurnEngine() {}

    /**
     * Applies one client turn.
     *
     * @param before the lead before the turn
     * @param validated the actions after {@link ActionValidator#validate}
     * @param schema the pack's qualification fields
     * @return the lead after the turn, what to send, and the events
     */
    public static TurnOutcome apply(
            LeadState before, List<Action> validated, List<QualificationField> schema) {
        Objects.requireNonNull(before, "before");
        AiMemory mem = before.memory();
        Map<String, Object> fields = new LinkedHashMap<>(before.fields());
        List<String> changedKeys = new ArrayList<>();
        List<String> replies = new ArrayList<>();
        List<Integer> greetingSteps = new ArrayList<>();
        String askedField = null;
        boolean callWanted = mem.callWanted();
        boolean callOffered = mem.callOffered();
        boolean notInterested = mem.notInterested();
        int priceAsks = mem.priceAsks();
        Set<String> advice = new HashSet<>(mem.adviceGiven());
        Set<String> askedAgain = new HashSet<>(mem.askedAgain());
        boolean requestCall = false;
        boolean notInterestedNow = false;
        boolean handOff = false;
        String handOffReason = null;
        Temperature requestedTemperature = null;
        List<LeadEventDraft> knowledgeEvents = new ArrayList<>();

        for (Action a : validated) {
            if (a instanceof Action.Reply r) {
                replies.add(r.text());
            } else if (a instanceof Action.SaveFields s) {
                s.values().forEach((k, v) -> put(fields, changedKeys, k, v));
            } else if (a instanceof Action.RequestCall c) {
                requestCall = true;
                if (c.name() != null) {
                    put(fields, changedKeys, CoreExtractors.NAME, c.name());
                }
                if (c.preferredTime() != null) {
                    put(fields, changedKeys, CoreExtractors.CALL_TIME, c.preferredTime());
                }
            } else if (a instanceof Action.SetTemperature t) {
                requestedTemperature = t.temperature();
            } else if (a instanceof Action.NotInterested) {
                notInterestedNow = true;
            } else if (a instanceof Action.HandOff h) {
                handOff = true;
                handOffReason = h.reason();
            } else if (a instanceof Action.SendGreetingStep g) {
                greetingSteps.add(g.index());
            } else if (a instanceof Action.AskedField k) {
                askedField = k.key();
            } else if (a instanceof Action.PriceAsked) {
                priceAsks++;
            } else if (a instanceof Action.AdviceGiven g) {
                advice.add(g.key());
            } else if (a instanceof Action.AskedAgain k) {
                askedAgain.add(k.key());
            } else if (a instanceof Action.OfferCall) {
                callOffered = true;
            } else if (a instanceof Action.KnowledgeAnswered k) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("entryId", k.entryId());
                details.put("title", k.title() == null ? "" : k.title());
                details.put("question", k.question());
                details.put("answer", k.answer() == null ? "" : k.answer());
                knowledgeEvents.add(
                        new LeadEventDraft(
                                "knowledge.answered",
                                "Ответ из базы знаний: «" + k.title() + "»",
                                details));
            } else if (a instanceof Action.KnowledgeDeclined k) {
                knowledgeEvents.add(
                        new LeadEventDraft(
                                "knowledge.declined",
                                "Ответа нет в базе знаний — уточнит специалист",
                                Map.of("question", k.question())));
            }
        }
        boolean callWantedBefore = callWanted;
        if (requestCall) {
            callWanted = true;
            notInterested = false;
        }
        if (notInterestedNow) {
            notInterested = true;
        }
        int turns = mem.clientTurns() + 1;
        AiMemory memory =
                new AiMemory(
                        askedField,
                        callWanted,
                        priceAsks,
                        callOffered,
                        advice,
                        notInterested,
                        turns,
                        askedAgain);

        List<LeadEventDraft> events = new ArrayList<>();
        if (!changedKeys.isEmpty()) {
            events.add(
                    new LeadEventDraft(
                            "fields.updated",
                            "Клиент сообщил: " + labels(changedKeys, schema),
                            Map.of("keys", List.copyOf(changedKeys))));
        }

        double completeness = completeness(fields, schema);
        boolean anyRequired = anyRequiredFilled(fields, schema);

        StageRole stage = before.stageRole();
        if (!before.stageLockedByHuman() && stage != null && stage.aiMayEnter()) {
            StageRole target;
            if (callWanted) {
                target = StageRole.CALL_REQUESTED;
            } else if (completeness >= 1.0) {
                target = StageRole.FULL_DATA;
            } else if (anyRequired) {
                target = StageRole.PARTIAL_DATA;
            } else if (turns > 0) {
                target = StageRole.IN_PROGRESS;
            } else {
                target = StageRole.NEW;
            }
            if (FORWARD.indexOf(target) > FORWARD.indexOf(stage)) {
                events.add(
                        new LeadEventDraft(
                                "stage.changed",
                                stageReason(target),
                                Map.of("from", stage.name(), "to", target.name())));
                stage = target;
            }
        }

        boolean nameKnown = filled(fields.get(CoreExtractors.NAME));
        int score =
                (int) Math.round(50 * completeness)
                        + (callWanted ? 30 : 0)
                        + Math.min(turns, 5) * 2
                        + (priceAsks > 0 ? 5 : 0)
                        + (nameKnown ? 3 : 0);
        score = Math.min(score, 100);
        if (notInterested) {
            score = Math.min(score, 10);
        }
        Temperature temperature;
        if (completeness >= 1.0 && callWanted && !notInterested) {
            temperature = Temperature.HOT;
        } else if (!notInterested && (anyRequired || callWanted || priceAsks > 0)) {
            temperature = Temperature.WARM;
        } else {
            temperature = Temperature.COLD;
        }
        if (requestedTemperature != null
                && requestedTemperature.ordinal() > temperature.ordinal()) {
            // Enum order is HOT, WARM, COLD: a larger ordinal is colder, so only lowering applies.
            temperature = requestedTemperature;
        }
        if (score != before.score() || temperature != before.temperature()) {
            events.add(
                    new LeadEventDraft(
                            "score.changed",
                            scoreReason(completeness, callWanted, notInterested, priceAsks),
                            Map.of(
                                    "from", before.score(),
                                    "to", score,
                                    "temperatureFrom", before.temperature().name(),
                                    "temperatureTo", temperature.name())));
        }
        if (requestCall && (!callWantedBefore || changedCallDetails(changedKeys))) {
            Map<String, Object> details = new LinkedHashMap<>();
            Object name = fields.get(CoreExtractors.NAME);
            Object time = fields.get(CoreExtractors.CALL_TIME);
            if (name != null) {
                details.put("name", name);
            }
            if (time != null) {
                details.put("time", time);
            }
            events.add(new LeadEventDraft("call.requested", "Клиент просит звонок", details));
        }
        if (notInterestedNow && !mem.notInterested()) {
            events.add(new LeadEventDraft("lead.cooled", "Клиенту неинтересно", Map.of()));
        }
        if (handOff) {
            String reason =
                    handOffReason == null || handOffReason.isBlank()
                            ? "Клиент просит менеджера"
                            : handOffReason;
            events.add(new LeadEventDraft("handoff.requested", reason, Map.of("reason", reason)));
        }

        events.addAll(knowledgeEvents);
        LeadState after =
                new LeadState(
                        fields, stage, before.stageLockedByHuman(), temperature, score, memory);
        return new TurnOutcome(after, replies, greetingSteps, events, handOff);
    }

    /**
     * Share of required fields that are filled, 0..1. A schema without required fields counts as 0
     * (there is nothing to qualify, so it never reaches FULL_DATA by itself).
     */
    public static double completeness(Map<String, Object> fields, List<QualificationField> schema) {
        int required = 0;
        int filled = 0;
        for (QualificationField f : schema) {
            if (f.required()) {
                required++;
                if (filled(fields.get(f.key()))) {
                    filled++;
                }
            }
        }
        return required == 0 ? 0.0 : (double) filled / required;
    }

    private static boolean anyRequiredFilled(
            Map<String, Object> fields, List<QualificationField> schema) {
        for (QualificationField f : schema) {
            if (f.required() && filled(fields.get(f.key()))) {
                return true;
            }
        }
        return false;
    }

    static boolean filled(Object v) {
        return v != null && !(v instanceof String s && s.isBlank());
    }

    private static void put(
            Map<String, Object> fields, List<String> changed, String key, Object value) {
        Object old = fields.put(key, value);
        if (!Objects.equals(old, value) && !changed.contains(key)) {
            changed.add(key);
        }
    }

    private static boolean changedCallDetails(List<String> changedKeys) {
        return changedKeys.contains(CoreExtractors.NAME)
                || changedKeys.contains(CoreExtractors.CALL_TIME);
    }

    private static String labels(List<String> keys, List<QualificationField> schema) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            String label = k;
            for (QualificationField f : schema) {
                if (f.key().equals(k) && f.labelRu() != null && !f.labelRu().isBlank()) {
                    label = f.labelRu();
                }
            }
            out.add(label);
        }
        return String.join(", ", out);
    }

    private static String stageReason(StageRole target) {
        return switch (target) {
            case CALL_REQUESTED -> "Клиент просит звонок";
            case FULL_DATA -> "Собраны все данные";
            case PARTIAL_DATA -> "Клиент сообщил часть данных";
            case IN_PROGRESS -> "ИИ ведёт диалог";
            default -> "Новый лид";
        };
    }

    private static String scoreReason(
            double completeness, boolean callWanted, boolean notInterested, int priceAsks) {
        if (notInterested) {
            return "Клиенту неинтересно";
        }
        List<String> parts = new ArrayList<>();
        parts.add("Данные собраны на " + Math.round(completeness * 100) + "%");
        if (callWanted) {
            parts.add("клиент просит звонок");
        }
        if (priceAsks > 0) {
            parts.add("спрашивал цену");
        }
        return String.join(", ", parts);
    }
}
