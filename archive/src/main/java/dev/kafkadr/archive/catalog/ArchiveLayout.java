package dev.kafkadr.archive.catalog;

import dev.kafkadr.archive.UsageException;
import java.util.regex.Pattern;

/** Object keys of the archive format, versions 1 and 2 (docs/archive-format.md, section 2). Stateless. */
public final class ArchiveLayout {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final String CLUSTERS = "clusters/";

    private ArchiveLayout() {
    }

    /** Validates a cluster or topic name against Kafka's topic-name alphabet. */
    public static String checkName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new UsageException(what + " '" + name + "' is not valid: use 1 to 249 of [a-zA-Z0-9._-]");
        }
        return name;
    }

    public static String clustersPrefix() {
        return CLUSTERS;
    }

    public static String manifestsPrefix(String cluster) {
        return CLUSTERS + cluster + "/manifests/";
    }

    public static String manifestKey(String cluster, String runId) {
        return manifestsPrefix(cluster) + runId + ".json";
    }

    /** The run id in a manifest key, or null if the key is not a manifest. */
    public static String runIdOfManifest(String cluster, String key) {
        String prefix = manifestsPrefix(cluster);
        if (!key.startsWith(prefix) || !key.endsWith(".json")) {
            return null;
        }
        String id = key.substring(prefix.length(), key.length() - 5);
        return id.contains("/") ? null : id;
    }

    public static String indexesPrefix(String cluster) {
        return CLUSTERS + cluster + "/indexes/";
    }

    /** The root object of the index as of run {@code runId} (format version 2, section 8). */
    public static String indexKey(String cluster, String runId) {
        return indexesPrefix(cluster) + runId + ".json";
    }

    /** The chain object of {@code topic} in the index as of run {@code runId}. */
    public static String indexChainsKey(String cluster, String runId, String topic) {
        return indexesPrefix(cluster) + runId + "/" + topic + ".json";
    }

    /** The run id in an index root key, or null if the key is not an index root. */
    public static String runIdOfIndex(String cluster, String key) {
        String prefix = indexesPrefix(cluster);
        if (!key.startsWith(prefix) || !key.endsWith(".json")) {
            return null;
        }
        String id = key.substring(prefix.length(), key.length() - 5);
        return id.contains("/") ? null : id;
    }

    public static String runPrefix(String cluster, String runId) {
        return CLUSTERS + cluster + "/runs/" + runId + "/";
    }

    public static String runObjectKey(String cluster, String runId, String name) {
        return runPrefix(cluster, runId) + name;
    }

    public static String topicsPrefix(String cluster) {
        return CLUSTERS + cluster + "/topics/";
    }

    public static String partitionPrefix(String cluster, String topic, int partition) {
        return topicsPrefix(cluster) + topic + "/" + partition + "/";
    }

    public static String commitsPrefix(String cluster, String topic, int partition) {
        return partitionPrefix(cluster, topic, partition) + "commits/";
    }

    public static String commitKey(String cluster, String topic, int partition, long seq) {
        return commitsPrefix(cluster, topic, partition) + String.format("%020d", seq) + ".json";
    }

    /** The sequence number in a commit-record key, or -1. */
    public static long seqOfCommit(String key) {
        int slash = key.lastIndexOf('/');
        String name = key.substring(slash + 1);
        if (!name.matches("[0-9]{20}\\.json")) {
            return -1;
        }
        return Long.parseLong(name.substring(0, 20));
    }

    public static String segmentsPrefix(String cluster, String topic, int partition) {
        return partitionPrefix(cluster, topic, partition) + "segments/";
    }

    public static String segmentKey(String cluster, String topic, int partition, long baseOffset, String runId) {
        return segmentsPrefix(cluster, topic, partition) + String.format("%020d", baseOffset) + "-" + runId
                + ".kseg";
    }

    /** The run id embedded in a segment key, or null. */
    public static String runIdOfSegment(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        if (!name.endsWith(".kseg") || name.length() < 27 || name.charAt(20) != '-') {
            return null;
        }
        return name.substring(21, name.length() - 5);
    }
}
