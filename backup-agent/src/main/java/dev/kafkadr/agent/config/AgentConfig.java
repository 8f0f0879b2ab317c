package dev.kafkadr.agent.config;

import dev.kafkadr.archive.UsageException;
import dev.kafkadr.archive.format.Codec;
import dev.kafkadr.archive.store.StoreOptions;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

/**
 * Every setting of kdr-agent, declared once (name, type, default, validator, doc) in {@link #DEFINITION}; values are
 * validated when loaded and read through typed accessors. docs/agent-configuration.md is generated from it.
 * Immutable.
 */
public final class AgentConfig extends AbstractConfig {

    public static final String SOURCE_NAME = "source.name";
    public static final String SOURCE_BOOTSTRAP = "source.bootstrap-servers";
    public static final String SOURCE_COMMAND_CONFIG = "source.command-config";
    public static final String TOPICS_INCLUDE = "topics.include";
    public static final String TOPICS_EXCLUDE = "topics.exclude";
    public static final String GROUPS_INCLUDE = "groups.include";
    public static final String GROUPS_EXCLUDE = "groups.exclude";
    public static final String STORE_URI = "store.uri";
    public static final String STORE_S3_ENDPOINT = "store.s3.endpoint";
    public static final String STORE_S3_REGION = "store.s3.region";
    public static final String STORE_S3_PATH_STYLE = "store.s3.path-style-access";
    public static final String STORE_S3_SSE = "store.s3.sse";
    public static final String STORE_S3_SSE_KMS_KEY_ID = "store.s3.sse-kms-key-id";
    public static final String STORE_S3_ACCESS_KEY_ID = "store.s3.access-key-id";
    public static final String STORE_S3_SECRET_ACCESS_KEY = "store.s3.secret-access-key";
    public static final String STORE_S3_PART_SIZE = "store.s3.part-size.bytes";
    public static final String STORE_ENCRYPTION_KEY_ID = "store.encryption.key-id";
    public static final String STORE_ENCRYPTION_KEY_FILE = "store.encryption.key-file";
    public static final String STORE_ENCRYPTION_KEY_ENV = "store.encryption.key-env";
    public static final String STORE_ENCRYPTION_PREVIOUS_KEY_FILES = "store.encryption.previous-key-files";
    public static final String SCHEDULE_CRON = "schedule.cron";
    public static final String SCHEDULE_TIMEZONE = "schedule.timezone";
    public static final String SCHEDULE_CATCH_UP = "schedule.catch-up-missed";
    public static final String COMPRESSION = "backup.compression";
    public static final String COMPRESSION_LEVEL = "backup.compression.level";
    public static final String SEGMENT_MAX_BYTES = "backup.segment.max.bytes";
    public static final String BLOCK_BYTES = "backup.segment.block.bytes";
    public static final String PARALLELISM = "backup.parallelism";
    public static final String FETCH_MAX_BYTES = "backup.fetch.max.bytes";
    public static final String IDLE_TIMEOUT_MS = "backup.idle.timeout.ms";
    public static final String ACLS = "backup.acls.enabled";
    public static final String RETENTION_MAX_RUNS = "retention.max-runs";
    public static final String RETENTION_MAX_AGE_MS = "retention.max-age.ms";
    public static final String RETENTION_MIN_RUNS = "retention.min-runs";
    public static final String RETENTION_GRACE_MS = "retention.garbage-grace.ms";
    public static final String RETENTION_SWEEP_INTERVAL_MS = "retention.sweep.interval.ms";
    public static final String METRICS_PORT = "metrics.port";
    public static final String METRICS_HOST = "metrics.host";
    public static final String WRITER_ID = "agent.writer-id";
    public static final String MODE = "mode";
    public static final String SEGMENT_MAX_AGE_MS = "backup.segment.max.age.ms";
    public static final String SNAPSHOT_INTERVAL_MS = "backup.snapshot.interval.ms";
    public static final String GROUP_ID = "agent.group-id";

    private static final int MIB = 1 << 20;

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(SOURCE_NAME, Type.STRING, "default", Validators.NAME, Importance.HIGH,
                    "Name of the source cluster inside the archive (restores ask for it with --cluster).")
            .define(SOURCE_BOOTSTRAP, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Validators.BOOTSTRAP,
                    Importance.HIGH, "Bootstrap servers of the cluster to back up.")
            .define(SOURCE_COMMAND_CONFIG, Type.STRING, null, Importance.MEDIUM,
                    "Kafka client properties file (Kafka's own names: security.protocol, sasl.*, ssl.*, …), as "
                            + "--command-config in Kafka's tools. Relative paths are resolved against the config "
                            + "file's directory. Secrets stay in this file, never in archives or logs.")
            .define(TOPICS_INCLUDE, Type.LIST, ".*", Validators.REGEX_LIST, Importance.HIGH,
                    "Regular expressions; a topic is backed up when its whole name matches one of them and none "
                            + "of topics.exclude. Internal topics (__consumer_offsets, …) are never backed up.")
            .define(TOPICS_EXCLUDE, Type.LIST, "", Validators.REGEX_LIST, Importance.MEDIUM,
                    "Regular expressions of topics to leave out.")
            .define(GROUPS_INCLUDE, Type.LIST, ".*", Validators.REGEX_LIST, Importance.LOW,
                    "Consumer groups whose committed offsets are saved (only offsets of backed-up partitions).")
            .define(GROUPS_EXCLUDE, Type.LIST, "", Validators.REGEX_LIST, Importance.LOW,
                    "Consumer groups to leave out.")
            .define(STORE_URI, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Validators.STORE_URI, Importance.HIGH,
                    "Where the archive lives: file:///path, s3://bucket/prefix or hdfs://namenode:port/path.")
            .define(STORE_S3_ENDPOINT, Type.STRING, null, Importance.LOW,
                    "S3 endpoint override for S3-compatible stores (else the AWS SDK default, which honours "
                            + "AWS_ENDPOINT_URL).")
            .define(STORE_S3_REGION, Type.STRING, null, Importance.MEDIUM,
                    "S3 region (else the AWS SDK's region chain: AWS_REGION, profile, instance metadata).")
            .define(STORE_S3_PATH_STYLE, Type.BOOLEAN, false, Importance.LOW,
                    "Use path-style S3 URLs (needed by most S3-compatible servers).")
            .define(STORE_S3_SSE, Type.STRING, "none", ConfigDef.CaseInsensitiveValidString.in("none", "AES256",
                    "aws:kms"), Importance.MEDIUM, "Server-side encryption of every object: none, AES256 (SSE-S3) "
                    + "or aws:kms (SSE-KMS).")
            .define(STORE_S3_SSE_KMS_KEY_ID, Type.STRING, null, Importance.MEDIUM,
                    "KMS key id or ARN for aws:kms (else the bucket's default KMS key).")
            .define(STORE_S3_ACCESS_KEY_ID, Type.STRING, null, Importance.LOW,
                    "Static S3 access key id. Prefer the AWS default credential chain (environment, profile, "
                            + "instance or pod role).")
            .define(STORE_S3_SECRET_ACCESS_KEY, Type.PASSWORD, null, Importance.LOW,
                    "Static S3 secret key (with store.s3.access-key-id). Never logged.")
            .define(STORE_S3_PART_SIZE, Type.LONG, 8L * MIB, Range.atLeast(5L * MIB), Importance.LOW,
                    "Multipart upload part size; memory use per upload is about twice this.")
            .define(STORE_ENCRYPTION_KEY_FILE, Type.STRING, null, Importance.MEDIUM,
                    "Client-side encryption (AES-256-GCM) of every archive object with the 256-bit key in this "
                            + "file (64 hex digits, base64, or 32 raw bytes; relative to the config file). Off when "
                            + "neither this nor store.encryption.key-env is set. The key is never logged.")
            .define(STORE_ENCRYPTION_KEY_ENV, Type.STRING, null, Importance.MEDIUM,
                    "Client-side encryption with the key in this environment variable (64 hex digits or "
                            + "base64) instead of a file.")
            .define(STORE_ENCRYPTION_KEY_ID, Type.STRING, null, Importance.MEDIUM,
                    "Id of the encryption key (1-48 of [A-Za-z0-9._:-]), written into every object and run "
                            + "manifest so restores know which key they need; required with a key. Give a new "
                            + "key a new id when rotating.")
            .define(STORE_ENCRYPTION_PREVIOUS_KEY_FILES, Type.LIST, "", Importance.LOW,
                    "Keys of earlier rotations, for reading objects written with them: id=path entries "
                            + "(paths relative to the config file).")
            .define(SCHEDULE_CRON, Type.STRING, null, Validators.CRON, Importance.HIGH,
                    "Quartz cron expression of the backup schedule (sec min hour day month weekday [year]), "
                            + "e.g. \"0 0 2 * * ?\" for 02:00 every day. Required unless --once.")
            .define(SCHEDULE_TIMEZONE, Type.STRING, "UTC", Validators.ZONE, Importance.LOW,
                    "Time zone the cron expression is read in.")
            .define(SCHEDULE_CATCH_UP, Type.BOOLEAN, true, Importance.MEDIUM,
                    "At start-up, run once immediately if the newest committed run is older than the schedule's "
                            + "previous fire time (a run was missed while the agent was down).")
            .define(COMPRESSION, Type.STRING, "zstd", Validators.CODEC, Importance.MEDIUM,
                    "Block compression of segments: zstd, lz4, snappy, gzip or none.")
            .define(COMPRESSION_LEVEL, Type.INT, 1, Range.between(-7, 22), Importance.LOW,
                    "zstd compression level (ignored by the other codecs). 1 encodes about 1.8x faster than 3 "
                    + "at a similar ratio on typical JSON records (docs/benchmarks.md); raise it to trade CPU "
                    + "for space.")
            .define(SEGMENT_MAX_BYTES, Type.LONG, 256L * MIB, Range.atLeast(MIB), Importance.LOW,
                    "A segment is closed and a new one started when it reaches about this size.")
            .define(BLOCK_BYTES, Type.INT, MIB, Range.between(4096, 64 * MIB), Importance.LOW,
                    "Uncompressed size of a segment block (the unit of compression, checksum and seeking).")
            .define(PARALLELISM, Type.INT, 0, Range.between(0, 256), Importance.MEDIUM,
                    "Partitions backed up at the same time, each by a worker with its own consumer; 0 = the "
                    + "number of CPU cores (measured best: encoding and compression are CPU-bound).")
            .define(FETCH_MAX_BYTES, Type.INT, 8 * MIB, Range.atLeast(64 * 1024), Importance.LOW,
                    "Consumer fetch.max.bytes and max.partition.fetch.bytes per partition worker: bounds memory.")
            .define(IDLE_TIMEOUT_MS, Type.LONG, 120_000L, Range.atLeast(1000), Importance.LOW,
                    "Fail the run if a partition makes no progress towards its cut for this long.")
            .define(ACLS, Type.BOOLEAN, true, Importance.LOW,
                    "Save the ACLs of the backed-up topics and groups (needs DESCRIBE on the cluster).")
            .define(RETENTION_MAX_RUNS, Type.INT, 0, Range.atLeast(0), Importance.MEDIUM,
                    "Keep at most this many committed runs (0 = no limit).")
            .define(RETENTION_MAX_AGE_MS, Type.LONG, 0L, Range.atLeast(0), Importance.MEDIUM,
                    "Delete runs older than this (0 = no limit), e.g. 2592000000 for 30 days.")
            .define(RETENTION_MIN_RUNS, Type.INT, 1, Range.atLeast(1), Importance.LOW,
                    "Never keep fewer than this many runs, whatever their age.")
            .define(RETENTION_GRACE_MS, Type.LONG, 86_400_000L, Range.atLeast(0), Importance.LOW,
                    "Objects of runs that never committed are deleted only when older than this. Continuous mode "
                    + "needs at least twice backup.segment.max.age.ms: other agents' in-flight segments are that "
                    + "young.")
            .define(RETENTION_SWEEP_INTERVAL_MS, Type.LONG, 3_600_000L, Range.atLeast(1000), Importance.LOW,
                    "Continuous mode: how often the retention policy is applied, beside the backup (scheduled "
                    + "mode applies it after every committed run).")
            .define(METRICS_PORT, Type.INT, 9404, Range.between(-1, 65535), Importance.MEDIUM,
                    "Port of the HTTP endpoint serving /metrics (Prometheus) and /health; -1 disables it, 0 "
                            + "picks a free port.")
            .define(METRICS_HOST, Type.STRING, "0.0.0.0", Importance.LOW, "Address the metrics endpoint binds to.")
            .define(WRITER_ID, Type.STRING, "", Importance.LOW,
                    "Identifies this agent in commit records (default: the host name). Give each agent of a "
                    + "group its own id when several run on one host.")
            .define(MODE, Type.STRING, "scheduled", ConfigDef.CaseInsensitiveValidString.in("scheduled",
                    "continuous"), Importance.HIGH, "scheduled: a run at every schedule.cron fire time (or one "
                    + "with --once). continuous: stay subscribed and commit in-flight data at least every "
                    + "backup.segment.max.age.ms (the RPO), sharing partitions with the other agents of "
                    + "agent.group-id (same as --continuous).")
            .define(SEGMENT_MAX_AGE_MS, Type.LONG, 180_000L, Range.atLeast(1000), Importance.MEDIUM,
                    "Continuous mode: data read from Kafka is committed to the archive (as a run) at the latest "
                    + "this long after it was read; with the poll and commit time this bounds the RPO.")
            .define(SNAPSHOT_INTERVAL_MS, Type.LONG, 300_000L, Range.atLeast(1000), Importance.MEDIUM,
                    "Continuous mode: how often topic metadata, consumer-group offsets and ACLs are snapshotted "
                    + "(the next commit carries them; commits in between carry none).")
            .define(GROUP_ID, Type.STRING, "", Importance.MEDIUM,
                    "Continuous mode: consumer group through which agents share the selected partitions "
                    + "(cooperative-sticky assignor); default kdr-agent-<source.name>. Agents of one group must "
                    + "use the same store and source.name.");

    private final Path baseDir;

    AgentConfig(Map<String, ?> values, Path baseDir) {
        super(DEFINITION, values, false);
        this.baseDir = baseDir;
        putEncryption(new TreeMap<>()); // rejects a key without a key id at load time
        checkContinuousGrace();
    }

    /** Continuous agents sweep while other agents of the group write: their in-flight objects must look young. */
    private void checkContinuousGrace() {
        boolean sweeps = retentionMaxRuns() > 0 || !retentionMaxAge().isZero();
        if (continuous() && sweeps && garbageGrace().compareTo(segmentMaxAge().multipliedBy(2)) < 0) {
            throw new UsageException(RETENTION_GRACE_MS + " is " + garbageGrace().toMillis() + " but continuous "
                    + "mode with a retention policy needs at least twice " + SEGMENT_MAX_AGE_MS + " ("
                    + segmentMaxAge().multipliedBy(2).toMillis() + "), or the sweep could delete another agent's "
                    + "in-flight segments: raise it (default 86400000)");
        }
    }

    public String clusterName() {
        return getString(SOURCE_NAME);
    }

    public String bootstrapServers() {
        return getString(SOURCE_BOOTSTRAP);
    }

    /** The command-config file, resolved against the config file's directory. */
    public Optional<Path> commandConfig() {
        String p = getString(SOURCE_COMMAND_CONFIG);
        return p == null || p.isBlank() ? Optional.empty() : Optional.of(baseDir.resolve(p).normalize());
    }

    public List<String> topicsInclude() {
        return getList(TOPICS_INCLUDE);
    }

    public List<String> topicsExclude() {
        return getList(TOPICS_EXCLUDE);
    }

    public List<String> groupsInclude() {
        return getList(GROUPS_INCLUDE);
    }

    public List<String> groupsExclude() {
        return getList(GROUPS_EXCLUDE);
    }

    public String storeUri() {
        return getString(STORE_URI);
    }

    /** The store settings in {@link StoreOptions} terms. */
    public StoreOptions storeOptions() {
        Map<String, String> m = new TreeMap<>();
        putIf(m, StoreOptions.S3_ENDPOINT, getString(STORE_S3_ENDPOINT));
        putIf(m, StoreOptions.S3_REGION, getString(STORE_S3_REGION));
        m.put(StoreOptions.S3_PATH_STYLE, String.valueOf(getBoolean(STORE_S3_PATH_STYLE)));
        if (!"none".equalsIgnoreCase(getString(STORE_S3_SSE))) {
            m.put(StoreOptions.S3_SSE, getString(STORE_S3_SSE));
        }
        putIf(m, StoreOptions.S3_SSE_KMS_KEY_ID, getString(STORE_S3_SSE_KMS_KEY_ID));
        putIf(m, StoreOptions.S3_ACCESS_KEY_ID, getString(STORE_S3_ACCESS_KEY_ID));
        Password secret = getPassword(STORE_S3_SECRET_ACCESS_KEY);
        if (secret != null) {
            m.put(StoreOptions.S3_SECRET_ACCESS_KEY, secret.value());
        }
        m.put(StoreOptions.S3_PART_SIZE_BYTES, String.valueOf(getLong(STORE_S3_PART_SIZE)));
        putEncryption(m);
        return StoreOptions.of(m);
    }

    /** Key locations only (paths resolved against the config file's directory); the store loads the keys. */
    private void putEncryption(Map<String, String> m) {
        String file = getString(STORE_ENCRYPTION_KEY_FILE);
        String env = getString(STORE_ENCRYPTION_KEY_ENV);
        String id = getString(STORE_ENCRYPTION_KEY_ID);
        boolean keyed = file != null && !file.isBlank() || env != null && !env.isBlank();
        if (keyed && (id == null || id.isBlank())) {
            throw new UsageException(STORE_ENCRYPTION_KEY_ID + " is required with " + STORE_ENCRYPTION_KEY_FILE
                    + " or " + STORE_ENCRYPTION_KEY_ENV + ": it is recorded in every object so restores know the key");
        }
        if (file != null && !file.isBlank()) {
            m.put(StoreOptions.ENCRYPTION_KEY_FILE, baseDir.resolve(file).normalize().toString());
        }
        putIf(m, StoreOptions.ENCRYPTION_KEY_ENV, env);
        putIf(m, StoreOptions.ENCRYPTION_KEY_ID, id);
        List<String> previous = new ArrayList<>();
        for (String entry : getList(STORE_ENCRYPTION_PREVIOUS_KEY_FILES)) {
            int eq = entry.indexOf('=');
            previous.add(eq < 0 ? entry : entry.substring(0, eq + 1)
                    + baseDir.resolve(entry.substring(eq + 1).strip()).normalize());
        }
        if (!previous.isEmpty()) {
            m.put(StoreOptions.ENCRYPTION_PREVIOUS_KEY_FILES, String.join(",", previous));
        }
    }

    private static void putIf(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) {
            m.put(k, v);
        }
    }

    public Optional<String> cron() {
        return Optional.ofNullable(getString(SCHEDULE_CRON));
    }

    public ZoneId timezone() {
        return ZoneId.of(getString(SCHEDULE_TIMEZONE));
    }

    public boolean catchUpMissed() {
        return getBoolean(SCHEDULE_CATCH_UP);
    }

    public Codec compression() {
        return Codec.fromName(getString(COMPRESSION));
    }

    public int compressionLevel() {
        return getInt(COMPRESSION_LEVEL);
    }

    public long segmentMaxBytes() {
        return getLong(SEGMENT_MAX_BYTES);
    }

    public int blockBytes() {
        return getInt(BLOCK_BYTES);
    }

    /** Worker threads: the configured number, or the number of CPU cores (1 to 16) when 0. */
    public int parallelism() {
        int configured = getInt(PARALLELISM);
        return configured > 0 ? configured
                : Math.max(1, Math.min(16, Runtime.getRuntime().availableProcessors()));
    }

    public int fetchMaxBytes() {
        return getInt(FETCH_MAX_BYTES);
    }

    public Duration idleTimeout() {
        return Duration.ofMillis(getLong(IDLE_TIMEOUT_MS));
    }

    public boolean aclsEnabled() {
        return getBoolean(ACLS);
    }

    public int retentionMaxRuns() {
        return getInt(RETENTION_MAX_RUNS);
    }

    public Duration retentionMaxAge() {
        return Duration.ofMillis(getLong(RETENTION_MAX_AGE_MS));
    }

    public int retentionMinRuns() {
        return getInt(RETENTION_MIN_RUNS);
    }

    public Duration garbageGrace() {
        return Duration.ofMillis(getLong(RETENTION_GRACE_MS));
    }

    public int metricsPort() {
        return getInt(METRICS_PORT);
    }

    public String metricsHost() {
        return getString(METRICS_HOST);
    }

    public Duration retentionSweepInterval() {
        return Duration.ofMillis(getLong(RETENTION_SWEEP_INTERVAL_MS));
    }

    public boolean continuous() {
        return "continuous".equalsIgnoreCase(getString(MODE));
    }

    public Duration segmentMaxAge() {
        return Duration.ofMillis(getLong(SEGMENT_MAX_AGE_MS));
    }

    public Duration snapshotInterval() {
        return Duration.ofMillis(getLong(SNAPSHOT_INTERVAL_MS));
    }

    /** The consumer group of continuous-mode agents: the configured one or kdr-agent-&lt;source.name&gt;. */
    public String groupId() {
        String g = getString(GROUP_ID);
        return g == null || g.isBlank() ? "kdr-agent-" + clusterName() : g;
    }

    public String writerId() {
        String id = getString(WRITER_ID);
        if (id != null && !id.isBlank()) {
            return id;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "agent-" + ProcessHandle.current().pid();
        }
    }
}
