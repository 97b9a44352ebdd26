package com.buildcrm.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Picks a lead's manager from the rotation (pure: no database, no clock). The rotation is in its
 * configured order (or every active manager by id when the settings name nobody); inactive users
 * and the excluded ones (the current assignee when re-assigning) are skipped.
 */
public final class AssignmentChoice {

    private AssignmentChoice() {}

    /**
     * The rotation in turn order: the users after the cursor first, wrapping around, the cursor's
     * own user last. A cursor no longer in the rotation starts the turn at the beginning.
     */
    public static List<Candidate> turnOrder(List<Candidate> rotation, Long cursor) {
        int at = -1;
        for (int i = 0; i < rotation.size(); i++) {
            if (cursor != null && rotation.get(i).userId() == cursor) {
                at = i;
                break;
            }
        }
        List<Candidate> order = new ArrayList<>(rotation.size());
        for (int k = 1; k <= rotation.size(); k++) {
            order.add(rotation.get((at + k) % rotation.size()));
        }
        return order;
    }

    /** The next eligible user after the cursor, or empty when nobody is eligible. */
    public static Optional<Candidate> roundRobin(
            List<Candidate> rotation, Long cursor, Set<Long> excluded) {
        return turnOrder(rotation, cursor).stream().filter(c -> eligible(c, excluded)).findFirst();
    }

    /**
     * The eligible user with the fewest open leads; among equals, the first in turn order (so ties
     * rotate instead of always landing on the same person).
     */
    public static Optional<Candidate> leastLoaded(
            List<Candidate> rotation, Long cursor, Set<Long> excluded) {
        return turnOrder(rotation, cursor).stream()
                .filter(c -> eligible(c, excluded))
                .min(Comparator.comparingLong(Candidate::openLeads));
    }

    /** The pick of this mode; MANUAL picks nobody. */
    public static Optional<Candidate> choose(
            AssignmentMode mode, List<Candidate> rotation, Long cursor, Set<Long> excluded) {
        return switch (mode) {
            case MANUAL -> Optional.empty();
            case ROUND_ROBIN -> roundRobin(rotation, cursor, excluded);
            case LEAST_LOADED -> leastLoaded(rotation, cursor, excluded);
        };
    }

    private static boolean eligible(Candidate c, Set<Long> excluded) {
        return c.active() && !excluded.contains(c.userId());
    }
}
