package dev.kafkadr.restore;

import dev.kafkadr.archive.manifest.TopicMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a restore creates a target topic from its archived metadata: the archived partition count and configs, the
 * archived replication factor unless overridden, {@code min.insync.replicas} lowered to fit the replication factor,
 * and CreateTime instead of LogAppendTime so records keep their archived timestamps; each adjustment comes with a
 * warning. Immutable.
 *
 * @param replicationFactor -1 to use the broker default (the archive did not record one)
 */
public record TopicSpec(String name, int partitions, short replicationFactor, SortedMap<String, String> configs,
                        List<String> warnings) {

    static final String MIN_ISR = "min.insync.replicas";
    static final String TIMESTAMP_TYPE = "message.timestamp.type";
    static final String LOG_APPEND_TIME = "LogAppendTime";

    public TopicSpec {
        configs = new TreeMap<>(configs);
        warnings = List.copyOf(warnings);
    }

    /** The spec for restoring {@code archived} into {@code target}. */
    public static TopicSpec from(String target, TopicMetadata archived, Integer replicationFactor) {
        int rf = replicationFactor != null ? replicationFactor : archived.replicationFactor();
        SortedMap<String, String> configs = new TreeMap<>(archived.configs());
        List<String> warnings = new ArrayList<>();
        String minIsr = configs.get(MIN_ISR);
        if (rf > 0 && minIsr != null && parse(minIsr) > rf) {
            configs.put(MIN_ISR, Integer.toString(rf));
            warnings.add("topic " + target + ": min.insync.replicas lowered from " + minIsr + " to " + rf
                    + " to fit replication factor " + rf);
        }
        boolean logAppend = LOG_APPEND_TIME.equalsIgnoreCase(String.valueOf(archived.timestampType()))
                || LOG_APPEND_TIME.equalsIgnoreCase(configs.getOrDefault(TIMESTAMP_TYPE, ""));
        if (logAppend) {
            configs.put(TIMESTAMP_TYPE, "CreateTime");
            warnings.add("topic " + target + ": archived with message.timestamp.type=LogAppendTime, created with "
                    + "CreateTime so records keep their archived timestamps (the timestamp type changed)");
        }
        return new TopicSpec(target, archived.partitions(), (short) (rf > 0 ? rf : -1), configs, warnings);
    }

    private static int parse(String v) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
