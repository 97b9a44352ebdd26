package com.buildcrm.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FairShareTest {

    private static final long SECOND = 1_000_000_000L;
    private static final int INBOX = 90;
    private static final int SEND = 80;
    private static final int TURN = 70;
    private static final int FOLLOW_UP = 10;

    @Test
    void aCompanyKeepsTheTopBandUntilItsVolumeIsAboveTheFreeShare() {
        FairShare fair = new FairShare();
        int top = FairShare.stored(INBOX, 0);
        for (int i = 0; i < FairShare.FREE; i++) {
            assertThat(fair.priority(INBOX, 1, 0)).isEqualTo(top);
        }
        assertThat(fair.priority(INBOX, 1, 0)).as("one job more").isEqualTo(top - FairShare.BAND);
    }

    @Test
    void everyJobOfAQuietCompanyGoesBeforeAnyJobOfAFloodingOne() {
        FairShare fair = new FairShare();
        for (int i = 0; i < 2000; i++) {
            fair.priority(INBOX, 1, i * 1_000_000L); // 1,000 jobs a second
        }
        long now = 2 * SECOND;
        int floodBest =
                Math.max(
                        fair.peek(INBOX, 1, now),
                        Math.max(fair.peek(SEND, 1, now), fair.peek(TURN, 1, now)));
        // the quiet company's new lead: inbox, turn, send
        assertThat(fair.priority(INBOX, 2, now)).isGreaterThan(floodBest);
        assertThat(fair.priority(TURN, 2, now)).isGreaterThan(floodBest);
        assertThat(fair.priority(SEND, 2, now)).isGreaterThan(floodBest);
        // within a band the inbox goes before sends, sends before turns
        assertThat(fair.peek(INBOX, 1, now))
                .isGreaterThan(fair.peek(SEND, 1, now))
                .isGreaterThan(fair.peek(TURN, 1, now))
                // and the flood's answers stay ahead of any follow-up
                .isGreaterThan(fair.priority(FOLLOW_UP, 2, now));
    }

    @Test
    void aBusyCompanysTurnsWaitBelowItsLaterInboxAndGreetingsWhileAQuietCompanysKeepTheTopBand() {
        FairShare fair = new FairShare();
        // the first leads of a burst: their turns are enqueued while the company is still in a
        // high band...
        int earlyTurn = 0;
        for (int i = 0; i < 60; i++) {
            int inbox = fair.priority(INBOX, 1, 0);
            earlyTurn = fair.yielding(TURN, fair.priority(TURN, 1, 0), 1, 0);
            assertThat(inbox).isGreaterThan(earlyTurn);
        }
        // ...and still wait for the inbox and the greetings of its last leads, in the lowest band
        for (int i = 0; i < 1000; i++) {
            fair.priority(INBOX, 1, 0);
        }
        int lateInbox = fair.priority(INBOX, 1, 0);
        int lateSend = fair.priority(SEND, 1, 0);
        assertThat(lateInbox).isEqualTo(FairShare.stored(INBOX, FairShare.MAX_STEPS));
        assertThat(earlyTurn).isLessThan(lateSend).isLessThan(lateInbox);
        // without yielding, the early turn would have gone first
        assertThat(FairShare.stored(TURN, 1)).isGreaterThan(lateInbox);
        // a quiet company's turn keeps its band, above the busy company's first contacts
        int quietTurn = fair.yielding(TURN, fair.priority(TURN, 2, 0), 2, 0);
        assertThat(quietTurn).isEqualTo(FairShare.stored(TURN, 0)).isGreaterThan(lateInbox);
        // and the busy company's turns stay ahead of any follow-up
        assertThat(earlyTurn).isGreaterThan(fair.priority(FOLLOW_UP, 2, 0));
    }

    @Test
    void backgroundJobsNeitherCountNorMove() {
        FairShare fair = new FairShare();
        for (int i = 0; i < 1000; i++) {
            assertThat(fair.priority(FOLLOW_UP, 3, 0)).isEqualTo(FOLLOW_UP);
        }
        assertThat(fair.peek(INBOX, 3, 0)).isEqualTo(FairShare.stored(INBOX, 0));
    }

    @Test
    void theVolumeDecaysSoACompanyThatStoppedGetsItsBandBack() {
        FairShare fair = new FairShare();
        for (int i = 0; i < 500; i++) {
            fair.priority(SEND, 7, 0);
        }
        assertThat(fair.peek(SEND, 7, 0)).isEqualTo(FairShare.stored(SEND, 4));
        assertThat(fair.peek(SEND, 7, 10 * SECOND))
                .as("500/e ≈ 184")
                .isEqualTo(FairShare.stored(SEND, 3));
        assertThat(fair.peek(SEND, 7, 30 * SECOND))
                .as("500/e³ ≈ 25")
                .isEqualTo(FairShare.stored(SEND, 0));
    }

    @Test
    void bandsDoNotOverlapAndStayWithinTheTypeRange() {
        for (int steps = 0; steps < FairShare.MAX_STEPS; steps++) {
            assertThat(FairShare.stored(FairShare.INTERACTIVE, steps))
                    .isGreaterThan(FairShare.stored(100, steps + 1));
        }
        assertThat(FairShare.stored(100, 0)).isLessThanOrEqualTo(100);
        assertThat(FairShare.stored(FairShare.INTERACTIVE, FairShare.MAX_STEPS))
                .isEqualTo(FairShare.INTERACTIVE);
    }

    @Test
    void stepsPerDoubling() {
        assertThat(FairShare.steps(40)).isZero();
        assertThat(FairShare.steps(41)).isEqualTo(1);
        assertThat(FairShare.steps(80)).isEqualTo(2);
        assertThat(FairShare.steps(159)).isEqualTo(2);
        assertThat(FairShare.steps(160)).isEqualTo(3);
        assertThat(FairShare.steps(320)).isEqualTo(4);
        assertThat(FairShare.steps(1_000_000)).isEqualTo(4);
    }

    @Test
    void idleCompaniesAreForgotten() {
        FairShare fair = new FairShare();
        for (int i = 0; i < 100; i++) {
            fair.priority(INBOX, 5, 0);
        }
        fair.forgetIdle(61 * SECOND);
        assertThat(fair.peek(INBOX, 5, 61 * SECOND)).isEqualTo(FairShare.stored(INBOX, 0));
    }
}
