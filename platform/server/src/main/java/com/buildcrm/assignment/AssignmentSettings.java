package com.buildcrm.assignment;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A tenant's assignment rule.
 *
 * @param mode how a manager is picked
 * @param on the moments the rule applies at
 * @param rotation user ids in rotation order; empty = every active manager, by id
 * @param reassignAfterMinutes re-assign a rule's lead whose assignee did nothing for this long;
 *     {@code null} = off
 * @param lastAssignedUserId the round-robin cursor (the user picked last), or {@code null}
 */
public record AssignmentSettings(
        AssignmentMode mode,
        Set<AssignmentMoment> on,
        List<Long> rotation,
        Integer reassignAfterMinutes,
        Long lastAssignedUserId) {

    /** The moments a new tenant's rule applies at. */
    public static final Set<AssignmentMoment> DEFAULT_MOMENTS =
            Set.copyOf(EnumSet.of(AssignmentMoment.CALL_REQUESTED, AssignmentMoment.HANDOFF));

    /** Minimum and maximum idle minutes before a re-assignment. */
    public static final int MIN_REASSIGN_MINUTES = 5;

    public static final int MAX_REASSIGN_MINUTES = 1440;

    public AssignmentSettings {
        on = on.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(on));
        rotation = List.copyOf(rotation);
    }

    /** Whether the rule picks a manager at this moment. */
    public boolean appliesAt(AssignmentMoment moment) {
        return mode != AssignmentMode.MANUAL && on.contains(moment);
    }
}
