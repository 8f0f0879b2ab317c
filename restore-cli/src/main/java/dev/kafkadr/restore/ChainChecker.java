package dev.kafkadr.restore;

import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.ArchiveLayout;
import dev.kafkadr.archive.manifest.OffsetGap;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.PartitionEntry;
import dev.kafkadr.archive.manifest.RunManifest;
import dev.kafkadr.archive.manifest.SegmentRef;
import java.util.List;
import java.util.Set;

/**
 * Checks the commit chains a cluster's manifests reach (docs/archive-format.md, section 5): each manifest entry
 * matches its commit record; each commit's segments lie inside {@code [startOffset, endOffset)}, increase, do not
 * overlap each other or a recorded gap, and add up to its record count; each commit starts where its parent ended
 * unless a recorded gap covers the difference. Hands each segment to {@link SegmentChecks}. Not thread-safe.
 */
final class ChainChecker {

    private final ArchiveCatalog catalog;
    private final String cluster;
    private final List<VerificationProblem> problems;
    private final SegmentChecks segments;
    private final Set<String> visited;

    ChainChecker(ArchiveCatalog catalog, String cluster, List<VerificationProblem> problems,
                 SegmentChecks segments, Set<String> visited) {
        this.catalog = catalog;
        this.cluster = cluster;
        this.problems = problems;
        this.segments = segments;
        this.visited = visited;
    }

    void checkEntry(RunManifest m, PartitionEntry e) {
        PartitionCommit c = Verifier.commitOrNull(catalog, cluster, e.topic(), e.partition(), e.commitSeq(),
                problems);
        if (c == null) {
            return;
        }
        String key = key(c);
        if (e.created() && (!c.runId().equals(m.runId()) || c.startOffset() != e.startOffset()
                || c.endOffset() != e.endOffset() || !c.segments().equals(e.segments()))) {
            problem(VerificationProblem.Kind.INCONSISTENT, key, c, "manifest " + m.runId() + " lists [" 
                    + e.startOffset() + ", " + e.endOffset() + ") with " + e.segments().size() + " segments, the "
                    + "commit record (run " + c.runId() + ") [" + c.startOffset() + ", " + c.endOffset() + ") with "
                    + c.segments().size());
        }
        walk(c);
    }

    private void walk(PartitionCommit head) {
        PartitionCommit c = head;
        while (c != null && visited.add(key(c))) {
            checkCommit(c);
            if (c.parentSeq() == 0) {
                return;
            }
            PartitionCommit parent = Verifier.commitOrNull(catalog, cluster, c.topic(), c.partition(), c.parentSeq(),
                    problems);
            if (parent != null) {
                checkContinuity(parent, c);
            }
            c = parent;
        }
    }

    private void checkCommit(PartitionCommit c) {
        String key = key(c);
        if (c.endOffset() < c.startOffset()) {
            problem(VerificationProblem.Kind.OFFSETS, key, c, "end offset is below the start offset");
        }
        for (OffsetGap g : c.gaps()) {
            if (g.from() >= g.to() || g.from() < c.startOffset() || g.to() > c.endOffset()) {
                problem(VerificationProblem.Kind.OFFSETS, key, c, "gap [" + g.from() + ", " + g.to()
                        + ") is empty or outside the commit's range");
            }
        }
        long records = 0;
        long last = Long.MIN_VALUE;
        String prefix = ArchiveLayout.segmentsPrefix(cluster, c.topic(), c.partition());
        for (SegmentRef s : c.segments()) {
            records += s.records();
            segments.submit(s, c.topic() + "-" + c.partition());
            String where = "segment " + s.key().substring(s.key().lastIndexOf('/') + 1) + " (" + s.baseOffset()
                    + ".." + s.lastOffset() + ")";
            if (!s.key().startsWith(prefix)) {
                problem(VerificationProblem.Kind.INCONSISTENT, key, c, where + " is not under " + prefix);
            }
            if (s.baseOffset() > s.lastOffset() || s.baseOffset() < c.startOffset() || s.lastOffset() >= c.endOffset()
                    || s.records() < 1 || s.records() > s.lastOffset() - s.baseOffset() + 1) {
                problem(VerificationProblem.Kind.OFFSETS, key, c, where + " with " + s.records()
                        + " records is not inside [" + c.startOffset() + ", " + c.endOffset() + ")");
            }
            if (s.baseOffset() <= last) {
                problem(VerificationProblem.Kind.OFFSETS, key, c, where + " overlaps or precedes the previous"
                        + " segment, which ends at " + last);
            }
            for (OffsetGap g : c.gaps()) {
                if (s.baseOffset() < g.to() && s.lastOffset() >= g.from()) {
                    problem(VerificationProblem.Kind.OFFSETS, key, c, where + " overlaps recorded gap [" + g.from()
                            + ", " + g.to() + ")");
                }
            }
            last = Math.max(last, s.lastOffset());
        }
        if (records != c.records()) {
            problem(VerificationProblem.Kind.INCONSISTENT, key, c, "records " + c.records()
                    + " but its segments hold " + records);
        }
    }

    private void checkContinuity(PartitionCommit parent, PartitionCommit c) {
        if (c.startOffset() == parent.endOffset()) {
            return;
        }
        boolean covered = c.gaps().stream().anyMatch(g -> g.from() <= parent.endOffset()
                && g.to() >= c.startOffset());
        if (c.startOffset() > parent.endOffset() && covered) {
            return;
        }
        problem(VerificationProblem.Kind.OFFSETS, key(c), c, c.startOffset() > parent.endOffset()
                ? "offsets [" + parent.endOffset() + ", " + c.startOffset() + ") between parent seq " + parent.seq()
                + " and this commit are missing and no gap is recorded"
                : "starts at " + c.startOffset() + " inside parent seq " + parent.seq() + ", which ends at "
                + parent.endOffset());
    }

    private void problem(VerificationProblem.Kind kind, String object, PartitionCommit c, String message) {
        problems.add(new VerificationProblem(kind, object, c.topic() + "-" + c.partition(), "[" + c.startOffset()
                + ", " + c.endOffset() + ")", message));
    }

    private String key(PartitionCommit c) {
        return ArchiveLayout.commitKey(cluster, c.topic(), c.partition(), c.seq());
    }
}
