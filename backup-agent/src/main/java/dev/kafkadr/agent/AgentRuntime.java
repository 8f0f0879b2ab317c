package dev.kafkadr.agent;

import dev.kafkadr.agent.backup.BackupEngine;
import dev.kafkadr.agent.backup.BackupListener;
import dev.kafkadr.agent.backup.RunResult;
import dev.kafkadr.agent.config.AgentConfig;
import dev.kafkadr.agent.metrics.AgentMetrics;
import dev.kafkadr.agent.metrics.MetricsServer;
import dev.kafkadr.agent.retention.RetentionPolicy;
import dev.kafkadr.agent.retention.RetentionSweeper;
import dev.kafkadr.agent.schedule.BackupScheduler;
import dev.kafkadr.agent.schedule.MissedRuns;
import dev.kafkadr.archive.UsageException;
import dev.kafkadr.archive.catalog.RunId;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.ObjectStores;
import dev.kafkadr.agent.continuous.CatchUpStoppedException;
import dev.kafkadr.agent.continuous.CatchUpTarget;
import dev.kafkadr.agent.continuous.ContinuousBackup;
import dev.kafkadr.kafka.KafkaClientConfig;
import dev.kafkadr.kafka.KafkaErrors;
import java.time.Duration;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires a loaded {@link AgentConfig} into a running agent: store, Kafka client settings, backup engine, retention,
 * metrics and (in service mode) the Quartz schedule with start-up catch-up. Thread-safe; {@link #close()} cancels a
 * run in progress (it is abandoned, never half-committed) and stops everything.
 */
public final class AgentRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentRuntime.class);

    private final AgentConfig config;
    private final ObjectStore store;
    private final BackupEngine engine;
    private final RetentionSweeper retention;
    private final AgentMetrics metrics;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final KafkaClientConfig kafka;
    private final String version;
    private BackupScheduler scheduler;
    private MetricsServer server;
    private volatile ContinuousBackup continuous;
    private Thread continuousThread;
    private volatile RuntimeException continuousFailure;
    private Thread retentionThread;

    public AgentRuntime(AgentConfig config, Clock clock, String version) {
        this.config = config;
        this.clock = clock;
        this.version = version;
        this.kafka = KafkaClientConfig.load(config.bootstrapServers(), config.commandConfig().orElse(null));
        this.store = ObjectStores.open(config.storeUri(), config.storeOptions());
        this.metrics = new AgentMetrics(config.clusterName());
        this.engine = new BackupEngine(config, kafka, store, metrics, clock, version);
        this.retention = new RetentionSweeper(store, config.clusterName(), RetentionPolicy.from(config), clock);
    }

    /** One run now (plus retention if it committed); throws the run's typed failure otherwise. */
    public RunResult runOnce() {
        RunResult r = engine.runOnce();
        retention.sweepAfterRun();
        return r;
    }

    /**
     * Service mode: metrics endpoint, then either continuous backup (mode continuous) or the schedule with a
     * catch-up run if one was missed. Returns at once.
     */
    public void startService() {
        if (config.continuous()) {
            startContinuous();
            return;
        }
        String cron = config.cron().orElseThrow(() -> new UsageException(
                "schedule.cron is not set: give a Quartz cron expression in the config, or use --once"));
        startMetrics(() -> scheduler != null && scheduler.isRunning());
        seedLastSuccess();
        scheduler = new BackupScheduler(config.clusterName(), cron, config.timezone(), this::scheduledRun, clock);
        scheduler.start();
        if (config.catchUpMissed()) {
            Optional<java.time.Instant> newest = engine.catalog().committedRunIds(config.clusterName()).stream()
                    .reduce((a, b) -> b).map(RunId::startTime);
            if (MissedRuns.wasMissed(cron, config.timezone(), newest, clock.instant())) {
                LOG.info("the newest committed run ({}) is older than the schedule's previous fire time: running "
                        + "once now", newest.map(Object::toString).orElse("none"));
                scheduler.runNow();
            }
        }
    }

    private void startMetrics(java.util.function.BooleanSupplier healthy) {
        if (config.metricsPort() >= 0) {
            server = new MetricsServer(config.metricsHost(), config.metricsPort(), metrics, healthy);
            LOG.info("metrics on http://{}:{}/metrics, health on /health", config.metricsHost(), server.port());
        }
    }

    /**
     * {@code --continuous --once}: backs up, with the other agents of the group, every selected partition up to
     * its end offset at start; returns a summary once the archive holds all of them; throws
     * {@link CatchUpStoppedException} if stopped first, or the typed failure.
     */
    public String catchUp() throws InterruptedException {
        java.util.concurrent.atomic.AtomicReference<CatchUpTarget> done = new java.util.concurrent.atomic
                .AtomicReference<>();
        continuous = new ContinuousBackup(config, kafka, store, metrics, clock, version);
        startContinuousThread(() -> done.set(continuous.catchUp()));
        awaitStop();
        CatchUpTarget t = done.get();
        if (t == null) {
            throw new CatchUpStoppedException(config.clusterName());
        }
        return "caught up: the archive holds all " + t.partitions() + " selected partitions of cluster "
                + config.clusterName() + " up to their end offsets at " + t.takenAt();
    }

    private void startContinuous() {
        startMetrics(() -> continuousThread != null && continuousThread.isAlive());
        seedLastSuccess();
        continuous = new ContinuousBackup(config, kafka, store, metrics, clock, version);
        startContinuousThread(continuous::run);
        startRetentionThread();
    }

    /**
     * Continuous mode: the retention policy every retention.sweep.interval.ms, on its own thread so a long sweep
     * never delays a commit (the grace period protects the in-flight objects of every agent of the group).
     */
    private void startRetentionThread() {
        if (!RetentionPolicy.from(config).limitsRuns()) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(config.retentionSweepInterval().toMillis());
                    retention.sweepAfterRun();
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }, "kdr-retention-" + config.clusterName());
        t.setDaemon(true);
        t.start();
        retentionThread = t;
    }

    private void startContinuousThread(Runnable body) {
        continuousThread = new Thread(() -> {
            try {
                body.run();
            } catch (RuntimeException e) {
                continuousFailure = KafkaErrors.translate(e, "back up cluster " + config.clusterName()
                        + " continuously", kafka.bootstrap());
                LOG.debug("continuous backup failed", e);
            } finally {
                stopped.countDown();
            }
        }, "kdr-continuous-" + config.clusterName());
        continuousThread.start();
    }

    private void seedLastSuccess() {
        try {
            var catalog = engine.catalog();
            var runs = catalog.committedRunIds(config.clusterName());
            if (!runs.isEmpty()) {
                metrics.lastCommittedRun(catalog.manifest(config.clusterName(), runs.last()).committedAt());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not read the newest committed run from {}: {}", config.storeUri(), e.getMessage());
        }
    }

    private void scheduledRun() {
        runOnce();
    }

    /** Blocks until {@link #close()} (or until continuous backup failed: then throws its typed failure). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
        RuntimeException failure = continuousFailure;
        if (failure != null) {
            throw failure;
        }
    }

    public int metricsPort() {
        return server == null ? -1 : server.port();
    }

    public AgentMetrics metrics() {
        return metrics;
    }

    public BackupListener listener() {
        return metrics;
    }

    /** Continuous mode: commit (or abandon) what is in flight, leave the group, wait for the loop to end. */
    private void stopContinuous() {
        ContinuousBackup c = continuous;
        if (c == null) {
            return;
        }
        c.stop();
        try {
            continuousThread.join(Duration.ofSeconds(90).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (continuousThread.isAlive()) {
            LOG.warn("continuous backup did not stop within 90 s; exiting anyway (nothing half-committed: an "
                    + "unfinished commit has no manifest)");
        }
    }

    @Override
    public void close() {
        engine.cancel();
        if (retentionThread != null) {
            retentionThread.interrupt();
        }
        stopContinuous();
        if (scheduler != null) {
            scheduler.close();
        }
        if (server != null) {
            server.close();
        }
        store.close();
        stopped.countDown();
    }
}
