package com.buildcrm.followup;

import com.buildcrm.jobs.Job;
import com.buildcrm.jobs.JobType;
import com.buildcrm.jobs.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The job that sends one due follow-up step ({@link FollowUps#run(String)}). */
@ApplicationScoped
public class FollowUpJob implements Job {

    @Inject FollowUps followUps;

    @Override
    public JobType type() {
        return FollowUps.TASK;
    }

    @Override
    public RetryPolicy retries() {
        return RetryPolicy.exponential(5);
    }

    @Override
    public void run(String instance) {
        followUps.run(instance);
    }
}
