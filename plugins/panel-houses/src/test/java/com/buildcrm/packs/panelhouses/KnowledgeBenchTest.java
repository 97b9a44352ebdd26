package com.buildcrm.packs.panelhouses;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.buildcrm.testkit.KnowledgeBench;
import org.junit.jupiter.api.Test;

/**
 * The pack's default knowledge base against real client questions (paraphrases, typos, questions to
 * decline). Prints the figures recorded in bench/RESULTS.md; asserts only a sane floor.
 */
class KnowledgeBenchTest {

    @Test
    void defaultKnowledgeAnswersTheTestSetWithTheRightEntryAndDeclinesTheRest() {
        KnowledgeBench.Result r =
                KnowledgeBench.run(
                        new PanelHousesPack(),
                        getClass().getResourceAsStream("/knowledge-testset.tsv"));
        System.out.print(r.report("panel-houses"));
        assertTrue(r.cases().size() >= 60, "at least 60 questions");
        assertTrue(r.precision() >= 0.9, r.report("panel-houses"));
        assertTrue(r.recall() >= 0.65, r.report("panel-houses"));
        assertTrue(r.declineAccuracy() >= 0.9, r.report("panel-houses"));
    }
}
