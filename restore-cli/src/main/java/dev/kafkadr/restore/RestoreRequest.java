package dev.kafkadr.restore;

import dev.kafkadr.archive.UsageException;
import java.time.Instant;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What to restore, as the operator selected it; shared by topic and offset restores so both see the same restore
 * streams. Immutable.
 *
 * @param cluster      archived cluster name, or null when the store holds only one
 * @param topicsRegex  regular expression the whole source topic name must match, or null for every topic
 * @param renames      source topic → target topic
 * @param runId        restore as of this committed run, or null for the newest
 * @param toTime       point-in-time cut (records with timestamp ≤ toTime), or null
 * @param fromEarliest restore everything the archive holds instead of starting at the log start offset
 * @param partitions   partition numbers to restore, or null for all
 * @param targetPrefix prefix added to every target topic name not renamed explicitly ("" for none), e.g. "drill-"
 */
public record RestoreRequest(String cluster, String topicsRegex, Map<String, String> renames, String runId,
                             Instant toTime, boolean fromEarliest, SortedSet<Integer> partitions,
                             String targetPrefix) {

    public RestoreRequest(String cluster, String topicsRegex, Map<String, String> renames, String runId,
                          Instant toTime, boolean fromEarliest, SortedSet<Integer> partitions) {
        this(cluster, topicsRegex, renames, runId, toTime, fromEarliest, partitions, "");
    }

    public RestoreRequest {
        targetPrefix = targetPrefix == null ? "" : targetPrefix;
        renames = renames == null ? Map.of() : new TreeMap<>(renames);
        partitions = partitions == null ? null : new TreeSet<>(partitions);
        if (runId != null && toTime != null) {
            throw new UsageException("--run and --to-time exclude each other: --to-time always starts from the "
                    + "newest run");
        }
    }

    /** The same selection as of another run (the drill pins the run it found newest). */
    public RestoreRequest withRun(String run) {
        return new RestoreRequest(cluster, topicsRegex, renames, run, toTime, fromEarliest, partitions, targetPrefix);
    }

    /** Every topic of the newest run, nothing else set. */
    public static RestoreRequest all(String cluster) {
        return new RestoreRequest(cluster, null, Map.of(), null, null, false, null);
    }

    public String targetOf(String sourceTopic) {
        return renames.getOrDefault(sourceTopic, targetPrefix + sourceTopic);
    }
}
