package com.buildcrm.inbox;

import com.buildcrm.jobs.Job;
import com.buildcrm.jobs.JobType;
import com.buildcrm.jobs.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The job that processes one stored inbound event ({@link InboxProcessor}). Every failed execution
 * is counted on the row; after {@link InboxLimits#maxAttempts()} the row is poisoned and neither
 * this job nor the {@link MessagePathSweeper} tries it again.
 */
@ApplicationScoped
public class ProcessInboxJob implements Job {

    @Inject InboxProcessor inbox;
    @Inject InboxLimits limits;

    @Override
    public JobType type() {
        return InboxService.PROCESS_TASK;
    }

    @Override
    public RetryPolicy retries() {
        return RetryPolicy.exponential(limits.maxAttempts() - 1);
    }

    @Override
    public void run(String instance) {
        long id = Long.parseLong(instance);
        try {
            inbox.process(id);
        } catch (RuntimeException e) {
            inbox.recordFailure(id, e);
            throw e;
        }
    }
}
