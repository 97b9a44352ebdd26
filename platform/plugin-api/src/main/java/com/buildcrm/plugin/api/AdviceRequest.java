package com.buildcrm.plugin.api;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Asks a pack whether the lead's data calls for advice (e.g. Almaty → pickup at the warehouse).
 *
 * @param fields the qualification values collected so far (a copy)
 * @param alreadyGiven keys of advice this lead has already received; give each advice once
 * @param locale the tenant's locale ({@code ru} or {@code en})
 * @param settings the tenant's values of the pack's settings (a copy)
 */
public record AdviceRequest(
        Map<String, Object> fields,
        Set<String> alreadyGiven,
        String locale,
        Map<String, String> settings) {
    public AdviceRequest {
        fields = Map.copyOf(Objects.requireNonNullElse(fields, Map.of()));
        alreadyGiven = Set.copyOf(Objects.requireNonNullElse(alreadyGiven, Set.of()));
        settings = Map.copyOf(Objects.requireNonNullElse(settings, Map.of()));
    }
}
