package dev.kafkadr.agent.backup;

import dev.kafkadr.agent.config.AgentConfig;
import dev.kafkadr.archive.KdrException;
import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.kafka.KafkaClientConfig;
import dev.kafkadr.kafka.KafkaErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs backups of one cluster into one store, usable as a library: {@link #runOnce()} performs one complete run and
 * returns only when it committed; any failure is a typed {@link KdrException} and leaves no commit.
 * {@link #cancel()} stops a run in progress without committing it. Thread-safe; runs never overlap.
 */
public final class BackupEngine {

    private static final Logger LOG = LoggerFactory.getLogger(BackupEngine.class);

    private final AgentConfig config;
    private final KafkaClientConfig kafka;
    private final ArchiveCatalog catalog;
    private final BackupListener listener;
    private final Clock clock;
    private final String version;
    private final AtomicReference<BackupRun> current = new AtomicReference<>();

    public BackupEngine(AgentConfig config, KafkaClientConfig kafka, ObjectStore store, BackupListener listener,
                        Clock clock, String version) {
        this.config = config;
        this.kafka = kafka;
        this.catalog = new ArchiveCatalog(store);
        this.listener = listener;
        this.clock = clock;
        this.version = version;
    }

    /** Performs one backup run; returns its result once committed. */
    public synchronized RunResult runOnce() {
        Instant started = clock.instant();
        BackupRun run = new BackupRun(config, kafka, new ArchiveCatalog(catalog.store()), listener, clock, version);
        current.set(run);
        try (Admin admin = Admin.create(kafka.admin("kdr-agent-admin-" + config.clusterName()))) {
            RunResult result = run.execute(admin);
            LOG.info(result.summary());
            listener.runCommitted(result);
            return result;
        } catch (ExecutionException | InterruptedException | RuntimeException e) {
            KdrException failure = KafkaErrors.translate(e, "back up cluster " + config.clusterName(),
                    kafka.bootstrap());
            // the caller reports the failure once (the CLI as its one error line, the scheduler in its task log)
            LOG.debug("backup of cluster {} failed after {} ms, nothing committed", config.clusterName(),
                    Duration.between(started, clock.instant()).toMillis(), failure);
            listener.runFailed(config.clusterName(), null, failure, Duration.between(started, clock.instant()));
            throw failure;
        } finally {
            current.set(null);
        }
    }

    /** Asks the run in progress, if any, to stop without committing. */
    public void cancel() {
        BackupRun run = current.get();
        if (run != null) {
            run.cancel();
        }
    }

    public ArchiveCatalog catalog() {
        return catalog;
    }

    public AgentConfig config() {
        return config;
    }
}
