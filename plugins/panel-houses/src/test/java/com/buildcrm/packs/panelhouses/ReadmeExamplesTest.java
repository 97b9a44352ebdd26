package com.buildcrm.packs.panelhouses;

import com.buildcrm.brain.StageRole;
import com.buildcrm.testkit.Dialogue;
import org.junit.jupiter.api.Test;

/** The testkit examples the README shows integrators, kept true. */
class ReadmeExamplesTest {

    @Test
    void aFirstMessageWithCityAndSizeAsksForTheHeight() {
        Dialogue.with(new PanelHousesPack())
                .client("Здравствуйте! Нужен дом 10 на 12 в Алматы")
                .expectField("city", "Алматы")
                .expectField("length_m", 10)
                .expectStage(StageRole.PARTIAL_DATA)
                .expectReplyAsks("height_m");
    }

    @Test
    void insistingOnThePriceInOneBurstRequestsACall() {
        Dialogue.with(new PanelHousesPack())
                .burst("Добрый день", "сколько стоит?", "просто скажите цену")
                .expectCallRequested()
                .expectStage(StageRole.CALL_REQUESTED);
    }
}
