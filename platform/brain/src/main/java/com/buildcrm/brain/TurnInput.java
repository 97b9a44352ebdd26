package com.buildcrm.brain;

import com.buildcrm.plugin.api.IndustryPack;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a brain gets for one turn.
 *
 * @param state the lead as it is now
 * @param burst the client's messages since the AI last answered, oldest first (usually 1–3)
 * @param history the recent conversation before the burst, oldest first (at most ~30 lines)
 * @param pack the tenant's industry pack (the server passes a guarded wrapper)
 * @param packSettings the tenant's values of the pack settings
 * @param locale tenant locale ({@code ru} or {@code en})
 * @param tenantPrompt the operator's prompt for this tenant (LLM brain only; may be empty)
 * @param knowledge the tenant's knowledge base (ADR 032); {@code null} when questions are not
 *     answered from one (the brain then neither answers nor declines them)
 * @param greeted the client has been greeted already: the greeting chain went out earlier or goes
 *     out right before this turn's replies, so the reply must not greet again
 */
public record TurnInput(
        LeadState state,
        List<String> burst,
        List<HistoryLine> history,
        IndustryPack pack,
        Map<String, String> packSettings,
        String locale,
        String tenantPrompt,
        KnowledgeBase knowledge,
        boolean greeted) {

    /** A turn without a knowledge base, of a client who has not been greeted yet. */
    public TurnInput(
            LeadState state,
            List<String> burst,
            List<HistoryLine> history,
            IndustryPack pack,
            Map<String, String> packSettings,
            String locale,
            String tenantPrompt) {
        this(state, burst, history, pack, packSettings, locale, tenantPrompt, null, false);
    }

    /** A turn with a knowledge base, of a client who has not been greeted yet. */
    public TurnInput(
            LeadState state,
            List<String> burst,
            List<HistoryLine> history,
            IndustryPack pack,
            Map<String, String> packSettings,
            String locale,
            String tenantPrompt,
            KnowledgeBase knowledge) {
        this(state, burst, history, pack, packSettings, locale, tenantPrompt, knowledge, false);
    }

    /** A turn without a knowledge base. */
    public TurnInput(
            LeadState state,
            List<String> burst,
            List<HistoryLine> history,
            IndustryPack pack,
            Map<String, String> packSettings,
            String locale,
            String tenantPrompt,
            boolean greeted) {
        this(state, burst, history, pack, packSettings, locale, tenantPrompt, null, greeted);
    }

    public TurnInput {
        Objects.requireNonNull(state, "state");
        burst = List.copyOf(burst);
        history = List.copyOf(Objects.requireNonNullElse(history, List.of()));
        Objects.requireNonNull(pack, "pack");
        packSettings = Map.copyOf(Objects.requireNonNullElse(packSettings, Map.of()));
        locale = locale == null ? "ru" : locale;
        tenantPrompt = tenantPrompt == null ? "" : tenantPrompt;
    }
}
