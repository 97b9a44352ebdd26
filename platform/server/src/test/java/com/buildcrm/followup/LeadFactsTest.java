package com.buildcrm.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadFactsTest {

    private static LeadFacts withStage(String role, Set<String> sent) {
        return new LeadFacts(1, false, false, true, true, role, false, false, null, sent, 0, null);
    }

    @Test
    void missingSentTextsMeanNoneAndNullsAreIgnored() {
        assertThat(withStage("NEW", null).sentTexts()).isEmpty();
        Set<String> withNull = new HashSet<>(Arrays.asList("Актуально?", null));
        assertThat(withStage("NEW", withNull).sentTexts()).containsExactly("Актуально?");
    }

    @Test
    void sentTextsAreACopy() {
        Set<String> sent = new HashSet<>(Set.of("Актуально?"));
        LeadFacts lead = withStage("NEW", sent);
        sent.add("Ещё");
        assertThat(lead.sentTexts()).containsExactly("Актуально?");
    }

    @Test
    void onlyWonAndLostAreClosedStages() {
        assertThat(withStage("WON", null).inClosedStage()).isTrue();
        assertThat(withStage("lost", null).inClosedStage()).isTrue();
        assertThat(withStage("FULL_DATA", null).inClosedStage()).isFalse();
        assertThat(withStage(null, null).inClosedStage()).isFalse();
    }
}
