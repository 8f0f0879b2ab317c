package dev.kafkadr.agent.schedule;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a backup task on a Quartz cron schedule: one worker thread, no overlapping runs, a late fire (misfire) runs
 * once and the schedule proceeds, and {@link #runNow()} triggers an extra run (used for missed runs at start-up).
 * Thread-safe.
 */
public final class BackupScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackupScheduler.class);

    private final Scheduler scheduler;
    private final JobKey job;

    public BackupScheduler(String name, String cron, ZoneId zone, Runnable task, Clock clock) {
        try {
            Properties p = new Properties();
            p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "kdr-" + name + "-" + UUID.randomUUID());
            p.setProperty("org.quartz.threadPool.threadCount", "1");
            p.setProperty("org.quartz.threadPool.threadNamePrefix", "kdr-scheduler-" + name);
            p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            p.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
            p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            scheduler = new StdSchedulerFactory(p).getScheduler();
            job = JobKey.jobKey("backup-" + name);
            JobDataMap data = new JobDataMap();
            data.put(BackupJob.TASK, new TimedTask("backup of cluster " + name, task, java.time.Duration.ofHours(1),
                    clock));
            JobDetail detail = JobBuilder.newJob(BackupJob.class).withIdentity(job).usingJobData(data).storeDurably()
                    .build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity("cron-" + name).forJob(job)
                    .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zone))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            scheduler.scheduleJob(detail, trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not set up the schedule '" + cron + "': " + e.getMessage(), e);
        }
    }

    public void start() {
        try {
            scheduler.start();
            LOG.info("schedule started; next run at {}", nextFireTime());
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not start the scheduler", e);
        }
    }

    /** Queues an immediate run (it waits if a run is in progress; runs never overlap). */
    public void runNow() {
        try {
            scheduler.triggerJob(job);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not trigger a run", e);
        }
    }

    public java.util.Date nextFireTime() {
        try {
            return scheduler.getTriggersOfJob(job).stream().map(Trigger::getNextFireTime)
                    .filter(java.util.Objects::nonNull).min(java.util.Date::compareTo).orElse(null);
        } catch (SchedulerException e) {
            return null;
        }
    }

    public boolean isRunning() {
        try {
            return scheduler.isStarted() && !scheduler.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** Stops firing and waits for a run in progress to end (the caller cancels it first if it must not finish). */
    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("scheduler shutdown: {}", e.getMessage());
        }
    }
}
