package dev.kafkadr.restore.testing;

import dev.kafkadr.archive.format.ArchivedHeader;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.TimestampType;
import dev.kafkadr.archive.manifest.GroupOffset;
import dev.kafkadr.archive.manifest.GroupSnapshot;
import dev.kafkadr.archive.manifest.TopicMetadata;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * The rich corpus restore tests run against: two committed backup runs of cluster "prod" holding
 * <ul>
 *   <li>{@code orders}: 12 partitions, replication factor 3, min.insync.replicas 2; null and empty keys, tombstones,
 *       empty values, null/empty/duplicate header values; orders-1 has records with skewed (late) timestamps,
 *       orders-2 a run-2 record with an early timestamp (a point-in-time cut filters, it does not truncate);</li>
 *   <li>{@code audit}: LogAppendTime, 2 partitions;</li>
 *   <li>{@code compacted}: cleanup.policy=compact, offsets missing as after compaction;</li>
 *   <li>{@code txn}: offsets missing as after aborted transactions and control records;</li>
 *   <li>{@code retained}: a RETENTION gap [20, 30) between run 1 and run 2 (log start 30 at run 2's cut);</li>
 *   <li>group snapshots committed inside a compaction gap, inside an aborted-transaction gap, at the log end, inside
 *       the retention gap, on an unarchived topic (run 2), and beyond the point-in-time cut (run 1).</li>
 * </ul>
 * Expectations are computed from the generated records, never read back from the archive, so a corpus backed up by
 * the real agent from a real cluster can replace {@link #writeTo} without changing the tests. Immutable after
 * writing.
 */
public final class ArchivedCorpus {

    public static final String CLUSTER = "prod";
    public static final int ORDERS_PARTITIONS = 12;

    /** All record timestamps lie in [base, base + 3h), base being three hours before the corpus was written. */
    public final Instant base;
    public final Instant run1Cut;
    public final Instant run2Cut;
    /** The point in time used by the --to-time tests: after run 1's cut, before run 2's. */
    public final Instant toTime;
    public final TestArchive archive;
    public final String run1;
    public final String run2;

    /** Every archived record per "topic-partition", in offset order. */
    private final Map<String, List<ArchivedRecord>> archived = new TreeMap<>();
    /** The log start offset per "topic-partition" at each run's cut. */
    private final Map<String, Long> logStartRun1 = new HashMap<>();
    private final Map<String, Long> logStartRun2 = new HashMap<>();
    private final Map<String, Long> endRun1 = new HashMap<>();
    private final Map<String, Long> endRun2 = new HashMap<>();

    private ArchivedCorpus(Path dir) {
        this.base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3));
        this.run1Cut = base.plus(Duration.ofMinutes(60));
        this.run2Cut = base.plus(Duration.ofMinutes(120));
        this.toTime = base.plus(Duration.ofMinutes(70));
        this.archive = new TestArchive(dir, CLUSTER).segmentRecords(10);
        TestArchive.Run r1 = archive.run(run1Cut);
        writeRun(r1, 1);
        groupsRun1(r1);
        r1.commit();
        this.run1 = r1.runId();
        TestArchive.Run r2 = archive.run(run2Cut);
        writeRun(r2, 2);
        groupsRun2(r2);
        r2.commit();
        this.run2 = r2.runId();
    }

    /** Writes the corpus as a file:// archive under {@code dir}. */
    public static ArchivedCorpus writeTo(Path dir) {
        return new ArchivedCorpus(dir);
    }

    public String storeUri() {
        return archive.uri();
    }

    // ---- expectations -------------------------------------------------------------------------------------------

    /** What a default restore (newest run, from its log start offset) writes to {@code topic-partition}. */
    public List<ArchivedRecord> expected(String topic, int partition) {
        long start = logStartRun2.get(topic + "-" + partition);
        return filter(topic, partition, o -> o >= start, Long.MAX_VALUE);
    }

    /** What --from-earliest writes: everything archived. */
    public List<ArchivedRecord> expectedFromEarliest(String topic, int partition) {
        return filter(topic, partition, o -> true, Long.MAX_VALUE);
    }

    /** What --to-time {@link #toTime} writes: run 2's log start (the first run cut after it), timestamps ≤ it. */
    public List<ArchivedRecord> expectedToTime(String topic, int partition) {
        long start = logStartRun2.get(topic + "-" + partition);
        return filter(topic, partition, o -> o >= start, toTime.toEpochMilli());
    }

    /** What --run run1 writes. */
    public List<ArchivedRecord> expectedRun1(String topic, int partition) {
        long start = logStartRun1.get(topic + "-" + partition);
        long end = endRun1.get(topic + "-" + partition);
        return filter(topic, partition, o -> o >= start && o < end, Long.MAX_VALUE);
    }

    public long endOffset(String topic, int partition) {
        return endRun2.get(topic + "-" + partition);
    }

    public long endOffsetRun1(String topic, int partition) {
        return endRun1.get(topic + "-" + partition);
    }

    public static List<String> topics() {
        return List.of("audit", "compacted", "orders", "retained", "txn");
    }

    public static int partitions(String topic) {
        return switch (topic) {
            case "orders" -> ORDERS_PARTITIONS;
            case "audit", "compacted" -> 2;
            default -> 1;
        };
    }

    private List<ArchivedRecord> filter(String topic, int partition, LongPredicate offsets, long maxTs) {
        return archived.get(topic + "-" + partition).stream()
                .filter(r -> offsets.test(r.offset()) && r.timestamp() <= maxTs).toList();
    }

    // ---- generation ---------------------------------------------------------------------------------------------

    private void writeRun(TestArchive.Run run, int n) {
        run.topic(TopicMetadata.of("orders", "orders-id", ORDERS_PARTITIONS, 3, Map.of("cleanup.policy", "delete",
                "min.insync.replicas", "2", "retention.ms", "604800000"), "CreateTime"));
        run.topic(TopicMetadata.of("audit", "audit-id", 2, 1, Map.of("message.timestamp.type", "LogAppendTime"),
                "LogAppendTime"));
        run.topic(TopicMetadata.of("compacted", "compacted-id", 2, 1, Map.of("cleanup.policy", "compact"),
                "CreateTime"));
        run.topic(TopicMetadata.of("txn", "txn-id", 1, 1, Map.of(), "CreateTime"));
        run.topic(TopicMetadata.of("retained", "retained-id", 1, 1, Map.of("retention.ms", "604800000"),
                "CreateTime"));
        for (int p = 0; p < ORDERS_PARTITIONS; p++) {
            orders(run, n, p);
        }
        for (int p = 0; p < 2; p++) {
            audit(run, n, p);
            compacted(run, n, p);
        }
        txn(run, n);
        retained(run, n);
    }

    private void orders(TestArchive.Run run, int n, int p) {
        Random rnd = new Random(1000L * n + p);
        long from = n == 1 ? 0 : endRun1.get("orders-" + p);
        int count = n == 1 ? 30 + p % 3 : 15 + p;
        List<ArchivedRecord> recs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long offset = from + i;
            long ts = (n == 1 ? base.plus(Duration.ofMinutes(i)) : base.plus(Duration.ofMinutes(65 + i)))
                    .toEpochMilli() + p * 100L;
            if (p == 1 && n == 1 && i >= count - 5) {
                ts = base.plus(Duration.ofMinutes(150 + i - count)).toEpochMilli(); // skewed producer clock
            }
            if (p == 1 && n == 2) {
                ts = base.plus(Duration.ofMinutes(100 + i)).toEpochMilli();
            }
            if (p == 2 && n == 2 && i == 5) {
                ts = base.plus(Duration.ofMinutes(10)).toEpochMilli(); // early timestamp, later offset
            }
            recs.add(new ArchivedRecord(offset, ts, TimestampType.CREATE_TIME, key(i, p, offset), value(i, rnd),
                    headers(i, rnd)));
        }
        add(run, n, "orders", p, 0, from + count, recs);
    }

    private void audit(TestArchive.Run run, int n, int p) {
        long from = n == 1 ? 0 : endRun1.get("audit-" + p);
        int count = n == 1 ? 20 : 10;
        List<ArchivedRecord> recs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long ts = base.plus(Duration.ofMinutes(n == 1 ? 5 + i : 80 + i)).toEpochMilli() + 7;
            recs.add(new ArchivedRecord(from + i, ts, TimestampType.LOG_APPEND_TIME, TestArchive.bytes("a" + i),
                    TestArchive.bytes("audit event " + (from + i)), List.of(new ArchivedHeader("src", null))));
        }
        add(run, n, "audit", p, 0, from + count, recs);
    }

    /** Offsets with o % 3 == 1 (run 1) and o % 5 == 2 (run 2) were compacted away; the tail offset too. */
    private void compacted(TestArchive.Run run, int n, int p) {
        long from = n == 1 ? 0 : 60;
        long end = n == 1 ? 60 : 90;
        List<ArchivedRecord> recs = new ArrayList<>();
        for (long o = from; o < end - 1; o++) {
            if (n == 1 ? o % 3 == 1 : o % 5 == 2) {
                continue;
            }
            long ts = base.plus(Duration.ofMinutes(n == 1 ? o / 2 : 62 + (o - 60))).toEpochMilli();
            recs.add(new ArchivedRecord(o, ts, TimestampType.CREATE_TIME, TestArchive.bytes("key-" + (o % 8)),
                    o % 11 == 0 ? null : TestArchive.bytes("v" + o + "-" + p), List.of()));
        }
        add(run, n, "compacted", p, 0, end, recs);
    }

    /** Run 1: 0-9 committed, 10-14 aborted, 15 abort marker, 16-24 committed, 25 commit marker; run 2: 26-35, 36. */
    private void txn(TestArchive.Run run, int n) {
        List<ArchivedRecord> recs = new ArrayList<>();
        long end = n == 1 ? 26 : 37;
        for (long o = n == 1 ? 0 : 26; o < end - 1; o++) {
            if (o >= 10 && o <= 15) {
                continue;
            }
            long ts = base.plus(Duration.ofMinutes(n == 1 ? 20 + o : 66 + (o - 26))).toEpochMilli();
            recs.add(TestArchive.record(o, ts, "t" + o, "txn value " + o, TestArchive.header("tx", "id-" + (o / 10))));
        }
        add(run, n, "txn", 0, 0, end, recs);
    }

    /** Run 1: offsets 0-19; retention then deletes up to 30 before run 2, which reads 30-49. */
    private void retained(TestArchive.Run run, int n) {
        List<ArchivedRecord> recs = new ArrayList<>();
        long from = n == 1 ? 0 : 30;
        long end = n == 1 ? 20 : 50;
        for (long o = from; o < end; o++) {
            long ts = base.plus(Duration.ofMinutes(n == 1 ? 30 + o : 64 + (o - 30))).toEpochMilli();
            recs.add(TestArchive.record(o, ts, o % 2 == 0 ? null : "r" + o, "retained " + o));
        }
        add(run, n, "retained", 0, n == 1 ? 0 : 30, end, recs);
    }

    private void add(TestArchive.Run run, int n, String topic, int p, long logStart, long end,
                     List<ArchivedRecord> recs) {
        String tp = topic + "-" + p;
        run.partition(topic, p, logStart, end, recs);
        archived.computeIfAbsent(tp, k -> new ArrayList<>()).addAll(recs);
        (n == 1 ? logStartRun1 : logStartRun2).put(tp, logStart);
        (n == 1 ? endRun1 : endRun2).put(tp, end);
    }

    private void groupsRun1(TestArchive.Run run) {
        run.group(new GroupSnapshot("g-totime", "Empty", List.of(
                new GroupOffset("orders", 1, endRun1.get("orders-1"), "pit", null, endRun1.get("orders-1")))));
    }

    private void groupsRun2(TestArchive.Run run) {
        run.group(new GroupSnapshot("g-compact", "Empty", List.of(new GroupOffset("compacted", 0, 31, "", 3, 60))));
        run.group(new GroupSnapshot("g-txn", "Empty", List.of(new GroupOffset("txn", 0, 12, "m", null, 37))));
        long end0 = endRun2.get("orders-0");
        run.group(new GroupSnapshot("g-end", "Stable", List.of(new GroupOffset("orders", 0, end0, "at-end", 5, end0),
                new GroupOffset("orders", 3, 5, null, null, endRun2.get("orders-3")))));
        run.group(new GroupSnapshot("g-retained", "Empty", List.of(new GroupOffset("retained", 0, 25, "", null, 50))));
        run.group(new GroupSnapshot("g-ghost", "Empty", List.of(new GroupOffset("ghost", 0, 4, "", null, 9))));
    }

    // ---- record content -----------------------------------------------------------------------------------------

    private static byte[] key(int i, int p, long offset) {
        return switch (i % 5) {
            case 0 -> null;
            case 1 -> new byte[0];
            default -> TestArchive.bytes("k-" + p + "-" + offset);
        };
    }

    private static byte[] value(int i, Random rnd) {
        return switch (i % 7) {
            case 3 -> null;
            case 4 -> new byte[0];
            default -> {
                byte[] b = new byte[20 + rnd.nextInt(180)];
                rnd.nextBytes(b);
                yield b;
            }
        };
    }

    private static List<ArchivedHeader> headers(int i, Random rnd) {
        byte[] bin = new byte[8];
        rnd.nextBytes(bin);
        return switch (i % 4) {
            case 0 -> List.of();
            case 1 -> List.of(new ArchivedHeader("h", null));
            case 2 -> List.of(new ArchivedHeader("h", new byte[0]), new ArchivedHeader("h", TestArchive.bytes("x")),
                    new ArchivedHeader("trace", null));
            default -> List.of(new ArchivedHeader("a", TestArchive.bytes("1")), new ArchivedHeader("b", bin));
        };
    }
}
