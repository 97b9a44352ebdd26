package com.buildcrm.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.task.AbstractTask;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobRegistryTest {

    /** A job that records what it was asked to run. */
    static final class Recorder implements Job {
        final JobType type;
        final List<String> ran = new ArrayList<>();

        Recorder(String name) {
            this.type = new JobType(name, 60);
        }

        @Override
        public JobType type() {
            return type;
        }

        @Override
        public RetryPolicy retries() {
            return RetryPolicy.exponential(3);
        }

        @Override
        public void run(String instance) {
            ran.add(instance);
        }
    }

    static final class Tick implements RecurringJob {
        @Override
        public String name() {
            return "tick";
        }

        @Override
        public Duration every() {
            return Duration.ofSeconds(5);
        }

        @Override
        public void run() {}
    }

    @Test
    void everyJobBecomesATaskUnderItsOwnName() {
        List<Task<?>> tasks =
                JobRegistry.tasks(
                        List.of(new Recorder("a"), new Recorder("b")), List.of(new Tick()));

        assertThat(tasks).extracting(Task::getName).containsExactly("a", "b", "tick");
        assertThat(tasks.get(0)).isInstanceOf(OneTimeTask.class);
        assertThat(tasks.get(2)).isInstanceOf(RecurringTask.class);
        assertThat(((AbstractTask<?>) tasks.get(0)).getFailureHandler())
                .isInstanceOf(FailureHandler.MaxRetriesFailureHandler.class);
    }

    @Test
    void aTaskRunsItsJobWithTheInstanceId() throws Exception {
        Recorder job = new Recorder("a");
        @SuppressWarnings("unchecked")
        OneTimeTask<Void> task =
                (OneTimeTask<Void>) JobRegistry.tasks(List.of(job), List.of()).get(0);

        task.executeOnce(task.instance("42:s1"), null);

        assertThat(job.ran).containsExactly("42:s1");
    }

    @Test
    void twoJobsWithOneNameAreRefused() {
        assertThatThrownBy(
                        () ->
                                JobRegistry.tasks(
                                        List.of(new Recorder("a"), new Recorder("a")), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a");
        assertThatThrownBy(
                        () -> JobRegistry.tasks(List.of(new Recorder("tick")), List.of(new Tick())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aHandleNeedsANameAndAPriorityInRange() {
        assertThatThrownBy(() -> new JobType(" ", 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JobType("x", 101))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.exponential(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
