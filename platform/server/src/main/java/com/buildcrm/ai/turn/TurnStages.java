package com.buildcrm.ai.turn;

import com.buildcrm.brain.StageRole;
import com.buildcrm.pipeline.Stage;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an AI turn asks of the tenant's pipeline: the system role of a lead's stage, the stage that
 * has a role, and how a move between roles is described in the lead's history. Runs in the caller's
 * (tenant) transaction.
 */
final class TurnStages {

    private TurnStages() {}

    /** The system role of a stage, or null for a custom stage (or none). */
    static StageRole roleOf(EntityManager em, long stageId) {
        List<String> roles =
                em.createQuery("SELECT s.role FROM Stage s WHERE s.id = :id", String.class)
                        .setParameter("id", stageId)
                        .getResultList();
        return roles.isEmpty() || roles.get(0) == null ? null : StageRole.valueOf(roles.get(0));
    }

    /** The id of the stage with this role, or null when the tenant has none. */
    static Long idOf(EntityManager em, StageRole role) {
        return em
                .createQuery("SELECT s.id FROM Stage s WHERE s.role = :role", Long.class)
                .setParameter("role", role.name())
                .getResultList()
                .stream()
                .findFirst()
                .orElse(null);
    }

    /**
     * The details of a {@code stage.changed} event, the same shape as a move by hand: roles, names
     * and ids of both stages.
     */
    static Map<String, Object> moveDetails(EntityManager em, StageRole from, StageRole to) {
        Map<String, Object> d = new HashMap<>();
        for (var side : List.of(Map.entry("from", from), Map.entry("to", to))) {
            if (side.getValue() == null) {
                continue;
            }
            List<Stage> stages =
                    em.createQuery("SELECT s FROM Stage s WHERE s.role = :role", Stage.class)
                            .setParameter("role", side.getValue().name())
                            .getResultList();
            d.put(side.getKey() + "Role", side.getValue().name());
            if (!stages.isEmpty()) {
                d.put(side.getKey() + "Id", stages.get(0).id());
                d.put(side.getKey(), stages.get(0).name());
            }
        }
        return d;
    }
}
