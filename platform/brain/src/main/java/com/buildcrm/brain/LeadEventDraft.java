package com.buildcrm.brain;

import java.util.Map;
import java.util.Objects;

/**
 * A lead-history event the core produced while applying a turn; the server stores it with the
 * author "AI".
 *
 * @param type e.g. {@code stage.changed}, {@code score.changed}, {@code fields.updated}, {@code
 *     call.requested}, {@code handoff.requested}, {@code lead.cooled}
 * @param reason a human-readable reason (Russian first), e.g. "Клиент просит звонок"
 * @param details type-specific data (from/to, keys…), JSON-friendly values only
 */
public record LeadEventDraft(String type, String reason, Map<String, Object> details) {
    public LeadEventDraft {
        Objects.requireNonNull(type, "type");
        details = Map.copyOf(Objects.requireNonNullElse(details, Map.of()));
    }
}
