package com.buildcrm.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.ai.turn.AiTurns;
import com.buildcrm.followup.FollowUps;
import com.buildcrm.inbox.InboxService;
import com.buildcrm.outbox.Outbox;
import org.junit.jupiter.api.Test;

class JobQueueTest {

    @Test
    void aClientsMessageAndItsAnswersGoBeforeFollowUps() {
        int inbox = InboxService.PROCESS_TASK.priority();
        int send = Outbox.SEND_TASK.priority();
        int turn = AiTurns.TASK.priority();
        int followUp = FollowUps.TASK.priority();
        assertThat(inbox).isGreaterThan(send);
        assertThat(send).isGreaterThan(turn);
        assertThat(turn).isGreaterThan(followUp);
        assertThat(JobType.DEFAULT_PRIORITY).isBetween(followUp, turn);
        // a company that floods the queue yields (FairShare), but its answers stay ahead of
        // every follow-up
        assertThat(FairShare.stored(turn, FairShare.MAX_STEPS))
                .isGreaterThan(FairShare.stored(followUp, 0));
    }

    @Test
    void theHandlesKeepTheTaskNamesADeployedDatabaseHolds() {
        assertThat(InboxService.PROCESS_TASK.name()).isEqualTo("process-inbox");
        assertThat(Outbox.SEND_TASK.name()).isEqualTo("send-outbox");
        assertThat(AiTurns.TASK.name()).isEqualTo("ai-turn");
        assertThat(FollowUps.TASK.name()).isEqualTo("followup");
    }
}
