package com.buildcrm.brain;

import java.util.Map;
import java.util.Objects;

/**
 * A copy of the lead as the AI core sees it.
 *
 * @param fields collected qualification values (core keys included; {@code name} and {@code city}
 *     mirror the lead's columns)
 * @param stageRole the role of the lead's current stage, {@code null} for a custom stage
 * @param stageLockedByHuman a person moved the lead by hand: the AI must not move it until the lead
 *     is returned to the AI
 * @param temperature current temperature
 * @param score current score 0–100
 * @param memory what the AI remembers
 */
public record LeadState(
        Map<String, Object> fields,
        StageRole stageRole,
        boolean stageLockedByHuman,
        Temperature temperature,
        int score,
        AiMemory memory) {
    public LeadState {
        fields = Map.copyOf(Objects.requireNonNullElse(fields, Map.of()));
        Objects.requireNonNull(temperature, "temperature");
        memory = Objects.requireNonNullElse(memory, AiMemory.fresh());
    }

    /** A brand-new lead in the NEW stage. */
    public static LeadState fresh() {
        return new LeadState(Map.of(), StageRole.NEW, false, Temperature.COLD, 0, AiMemory.fresh());
    }
}
