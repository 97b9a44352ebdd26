package com.buildcrm.outbox;

import com.buildcrm.jobs.Job;
import com.buildcrm.jobs.JobType;
import com.buildcrm.jobs.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The job that sends one outbox row ({@link OutboxSender}); its instance is {@code <outbox
 * id>:<suffix>}, the suffix telling apart the first send, paced re-sends and the sweeper's.
 */
@ApplicationScoped
public class SendOutboxJob implements Job {

    @Inject OutboxSender sender;

    @Override
    public JobType type() {
        return Outbox.SEND_TASK;
    }

    @Override
    public RetryPolicy retries() {
        return RetryPolicy.exponential(12);
    }

    @Override
    public void run(String instance) {
        sender.send(Long.parseLong(instance.split(":")[0]));
    }
}
