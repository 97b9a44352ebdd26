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
        int inbox = JobQueue.priority(InboxService.PROCESS_TASK);
        int send = JobQueue.priority(Outbox.SEND_TASK);
        int turn = JobQueue.priority(AiTurns.TASK);
        int followUp = JobQueue.priority(FollowUps.TASK);
        assertThat(inbox).isGreaterThan(send);
        assertThat(send).isGreaterThan(turn);
        assertThat(turn).isGreaterThan(followUp);
        assertThat(JobQueue.priority("message-path-sweeper")).isBetween(followUp, turn);
    }
}
