package com.buildcrm.ai.turn;

import com.buildcrm.jobs.Job;
import com.buildcrm.jobs.JobType;
import com.buildcrm.jobs.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The job that runs one AI turn ({@link AiTurnWorker}), scheduled by {@link AiTurns}. */
@ApplicationScoped
public class AiTurnJob implements Job {

    @Inject AiTurnWorker turns;

    @Override
    public JobType type() {
        return AiTurns.TASK;
    }

    @Override
    public RetryPolicy retries() {
        return RetryPolicy.exponential(5);
    }

    @Override
    public void run(String instance) {
        turns.run(instance);
    }
}
