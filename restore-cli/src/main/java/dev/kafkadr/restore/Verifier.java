package dev.kafkadr.restore;

import dev.kafkadr.archive.KdrException;
import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.ArchiveLayout;
import dev.kafkadr.archive.manifest.ArchiveJson;
import dev.kafkadr.archive.manifest.ObjectRef;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.PartitionEntry;
import dev.kafkadr.archive.manifest.RunManifest;
import dev.kafkadr.archive.store.ObjectNotFoundException;
import dev.kafkadr.archive.store.crypto.TamperedObjectException;
import dev.kafkadr.archive.store.crypto.UnencryptedObjectException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies an archive (docs/restore.md, "verify"): every committed manifest parses and passes its checksum; every
 * object it references exists with the recorded size and SHA-256; commit chains are continuous apart from recorded
 * gaps, with segments inside their commit's range, increasing and not overlapping; manifests agree with their commit
 * records; with {@code deep}, every segment also decodes completely. Collects every problem instead of stopping at
 * the first. Thread-safe; segments are checked in parallel.
 */
public final class Verifier {

    private final ArchiveCatalog catalog;
    private final BackupLocator locator;
    private final SegmentChecker segmentChecker;
    private final int parallelism;

    public Verifier(ArchiveCatalog catalog, int parallelism) {
        this.catalog = catalog;
        this.locator = new BackupLocator(catalog);
        this.segmentChecker = new SegmentChecker(catalog.store());
        this.parallelism = Math.max(1, parallelism);
    }

    /** Verifies {@code cluster}, or every cluster of the store when null. */
    public VerificationReport verify(String cluster, boolean deep) {
        List<String> clusters = cluster != null ? List.of(locator.cluster(cluster)) : catalog.clusters();
        if (clusters.isEmpty()) {
            locator.clustersWithBackups();
        }
        List<VerificationProblem> problems = Collections.synchronizedList(new ArrayList<>());
        Set<String> commits = new HashSet<>();
        int runs = 0;
        try (SegmentChecks segments = new SegmentChecks(segmentChecker, deep, parallelism, problems)) {
            for (String c : clusters) {
                ChainChecker chains = new ChainChecker(catalog, c, problems, segments, commits);
                for (String runId : catalog.committedRunIds(c)) {
                    runs++;
                    checkRun(c, runId, chains, problems);
                }
            }
            segments.finish();
            return new VerificationReport(clusters, runs, commits.size(), segments.segments(), segments.bytes(),
                    deep, problems);
        }
    }

    private void checkRun(String cluster, String runId, ChainChecker chains, List<VerificationProblem> problems) {
        String key = ArchiveLayout.manifestKey(cluster, runId);
        RunManifest m;
        try {
            m = catalog.readJson(key, RunManifest.class); // not cached: verify reads each manifest once
        } catch (KdrException e) {
            KeyFailures.rethrowIfKeyProblem(e);
            problems.add(new VerificationProblem(VerificationProblem.Kind.CORRUPT_MANIFEST, key, null, null,
                    e.getMessage()));
            return;
        }
        if (!runId.equals(m.runId()) || !cluster.equals(m.cluster())) {
            problems.add(new VerificationProblem(VerificationProblem.Kind.INCONSISTENT, key, null, null,
                    "describes run " + m.runId() + " of cluster " + m.cluster()));
        }
        for (ObjectRef ref : new ObjectRef[] {m.metadata(), m.groups(), m.acls()}) {
            if (ref != null) {
                checkJsonObject(ref, problems);
            }
        }
        for (PartitionEntry e : m.partitions()) {
            chains.checkEntry(m, e);
        }
    }

    private void checkJsonObject(ObjectRef ref, List<VerificationProblem> problems) {
        byte[] bytes;
        try {
            bytes = catalog.store().readAll(ref.key());
        } catch (ObjectNotFoundException e) {
            problems.add(new VerificationProblem(VerificationProblem.Kind.MISSING_OBJECT, ref.key(), null, null,
                    "referenced snapshot does not exist"));
            return;
        } catch (TamperedObjectException | UnencryptedObjectException e) {
            problems.add(new VerificationProblem(VerificationProblem.Kind.CORRUPT_OBJECT, ref.key(), null, null,
                    e.getMessage()));
            return;
        }
        String sha = Hashing.sha256(bytes);
        if (bytes.length != ref.bytes() || !sha.equals(ref.sha256())) {
            problems.add(new VerificationProblem(VerificationProblem.Kind.CHECKSUM_MISMATCH, ref.key(), null, null,
                    "has " + bytes.length + " bytes with SHA-256 " + sha + ", the manifest records " + ref.bytes()
                            + " bytes with " + ref.sha256()));
        }
        try {
            ArchiveJson.checkFraming(bytes, ref.key());
        } catch (KdrException e) {
            problems.add(new VerificationProblem(VerificationProblem.Kind.CORRUPT_OBJECT, ref.key(), null, null,
                    e.getMessage()));
        }
    }

    /** Shared commit record lookups for {@link ChainChecker}. */
    static PartitionCommit commitOrNull(ArchiveCatalog catalog, String cluster, String topic, int partition,
                                        long seq, List<VerificationProblem> problems) {
        String key = ArchiveLayout.commitKey(cluster, topic, partition, seq);
        try {
            return catalog.readCommit(cluster, topic, partition, seq); // one GET, not cached: each is read once
        } catch (ObjectNotFoundException e) {
            problems.add(new VerificationProblem(VerificationProblem.Kind.MISSING_OBJECT, key, topic + "-"
                    + partition, null, "commit record seq " + seq + " does not exist"));
            return null;
        } catch (KdrException e) {
            KeyFailures.rethrowIfKeyProblem(e);
            problems.add(new VerificationProblem(VerificationProblem.Kind.CORRUPT_OBJECT, key, topic + "-"
                    + partition, null, e.getMessage()));
            return null;
        }
    }
}
