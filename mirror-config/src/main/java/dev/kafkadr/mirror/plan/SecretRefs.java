package dev.kafkadr.mirror.plan;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a cluster's secret client settings come from, by reference only: keys read from a Kafka client properties
 * file on the MirrorMaker host ({@code ${file:PATH:KEY}}) and keys read from environment variables
 * ({@code ${env:VAR}}). The values themselves never appear in the plan or the generated files. Immutable.
 */
public record SecretRefs(String file, List<String> fileKeys, SortedMap<String, String> env) {

    public SecretRefs {
        fileKeys = List.copyOf(fileKeys);
        env = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(env));
    }

    public static SecretRefs none() {
        return new SecretRefs(null, List.of(), new TreeMap<>());
    }

    public boolean isEmpty() {
        return fileKeys.isEmpty() && env.isEmpty();
    }

    /** Client key → config-provider reference, sorted by key. */
    public SortedMap<String, String> references() {
        SortedMap<String, String> refs = new TreeMap<>();
        for (String key : fileKeys) {
            refs.put(key, "${file:" + file + ":" + key + "}");
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            refs.put(e.getKey(), "${env:" + e.getValue() + "}");
        }
        return refs;
    }
}
