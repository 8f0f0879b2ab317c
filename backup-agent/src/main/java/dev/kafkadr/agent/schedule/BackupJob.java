package dev.kafkadr.agent.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job that runs one scheduled backup; {@link DisallowConcurrentExecution} guarantees two runs never
 * overlap (a fire time that arrives during a run waits, then misfire handling fires it once). Thread-safe.
 */
@DisallowConcurrentExecution
public final class BackupJob implements Job {

    static final String TASK = "task";

    @Override
    public void execute(JobExecutionContext context) {
        Runnable task = (Runnable) context.getMergedJobDataMap().get(TASK);
        task.run();
    }
}
