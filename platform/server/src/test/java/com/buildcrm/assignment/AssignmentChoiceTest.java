package com.buildcrm.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pick itself: round robin with wrap-around, disabled users skipped, least loaded and ties. */
class AssignmentChoiceTest {

    private static Candidate user(long id, boolean active, long open) {
        return new Candidate(id, "User " + id, active, open);
    }

    private static Long id(Optional<Candidate> c) {
        return c.map(Candidate::userId).orElse(null);
    }

    @Test
    void roundRobinGoesAroundTheRotationInItsOrder() {
        // the configured order, not the ids' order
        List<Candidate> rotation = List.of(user(7, true, 0), user(3, true, 0), user(5, true, 0));
        List<Long> picks = new ArrayList<>();
        Long cursor = null;
        for (int i = 0; i < 7; i++) {
            cursor = id(AssignmentChoice.roundRobin(rotation, cursor, Set.of()));
            picks.add(cursor);
        }
        assertThat(picks).containsExactly(7L, 3L, 5L, 7L, 3L, 5L, 7L);
    }

    @Test
    void aCursorNoLongerInTheRotationStartsAtTheBeginning() {
        List<Candidate> rotation = List.of(user(2, true, 0), user(4, true, 0));
        assertThat(id(AssignmentChoice.roundRobin(rotation, 99L, Set.of()))).isEqualTo(2L);
    }

    @Test
    void disabledUsersAreSkippedAndTheTurnWrapsAround() {
        List<Candidate> rotation = List.of(user(1, true, 0), user(2, false, 0), user(3, true, 0));
        assertThat(id(AssignmentChoice.roundRobin(rotation, 1L, Set.of()))).isEqualTo(3L);
        assertThat(id(AssignmentChoice.roundRobin(rotation, 3L, Set.of()))).isEqualTo(1L);
    }

    @Test
    void nobodyEligibleMeansNoPick() {
        assertThat(AssignmentChoice.roundRobin(List.of(), null, Set.of())).isEmpty();
        assertThat(AssignmentChoice.roundRobin(List.of(user(1, false, 0)), null, Set.of()))
                .isEmpty();
        assertThat(AssignmentChoice.leastLoaded(List.of(user(1, true, 0)), null, Set.of(1L)))
                .isEmpty();
    }

    @Test
    void theCurrentAssigneeIsExcludedWhenReassigning() {
        List<Candidate> rotation = List.of(user(1, true, 0), user(2, true, 0));
        // the cursor is on 1, the next would be 2 — but 2 is the idle assignee
        assertThat(id(AssignmentChoice.roundRobin(rotation, 1L, Set.of(2L)))).isEqualTo(1L);
    }

    @Test
    void leastLoadedPicksTheFewestOpenLeads() {
        List<Candidate> rotation = List.of(user(1, true, 5), user(2, true, 1), user(3, true, 3));
        assertThat(id(AssignmentChoice.leastLoaded(rotation, null, Set.of()))).isEqualTo(2L);
    }

    @Test
    void leastLoadedSkipsADisabledUserWithFewerLeads() {
        List<Candidate> rotation = List.of(user(1, true, 5), user(2, false, 0), user(3, true, 3));
        assertThat(id(AssignmentChoice.leastLoaded(rotation, null, Set.of()))).isEqualTo(3L);
    }

    @Test
    void leastLoadedTiesGoInTurnOrderAfterTheCursor() {
        List<Candidate> rotation = List.of(user(1, true, 2), user(2, true, 2), user(3, true, 2));
        assertThat(id(AssignmentChoice.leastLoaded(rotation, null, Set.of()))).isEqualTo(1L);
        assertThat(id(AssignmentChoice.leastLoaded(rotation, 1L, Set.of()))).isEqualTo(2L);
        assertThat(id(AssignmentChoice.leastLoaded(rotation, 3L, Set.of()))).isEqualTo(1L);
        // a less loaded user wins over turn order
        List<Candidate> uneven = List.of(user(1, true, 2), user(2, true, 2), user(3, true, 1));
        assertThat(id(AssignmentChoice.leastLoaded(uneven, 3L, Set.of()))).isEqualTo(3L);
    }

    @Test
    void manualPicksNobody() {
        assertThat(
                        AssignmentChoice.choose(
                                AssignmentMode.MANUAL, List.of(user(1, true, 0)), null, Set.of()))
                .isEmpty();
    }

    @Test
    void settingsApplyOnlyAtTheirMomentsAndNeverWhenManual() {
        AssignmentSettings rr =
                new AssignmentSettings(
                        AssignmentMode.ROUND_ROBIN,
                        Set.of(AssignmentMoment.CALL_REQUESTED),
                        List.of(),
                        null,
                        null);
        assertThat(rr.appliesAt(AssignmentMoment.CALL_REQUESTED)).isTrue();
        assertThat(rr.appliesAt(AssignmentMoment.HANDOFF)).isFalse();
        AssignmentSettings manual =
                new AssignmentSettings(
                        AssignmentMode.MANUAL,
                        AssignmentSettings.DEFAULT_MOMENTS,
                        List.of(),
                        null,
                        null);
        assertThat(manual.appliesAt(AssignmentMoment.CALL_REQUESTED)).isFalse();
    }
}
