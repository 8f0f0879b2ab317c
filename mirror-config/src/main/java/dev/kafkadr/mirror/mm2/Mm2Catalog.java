package dev.kafkadr.mirror.mm2;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.mirror.MirrorCheckpointConnector;
import org.apache.kafka.connect.mirror.MirrorHeartbeatConnector;
import org.apache.kafka.connect.mirror.MirrorMakerConfig;
import org.apache.kafka.connect.mirror.MirrorSourceConnector;
import org.apache.kafka.connect.runtime.SourceConnectorConfig;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;

/**
 * Every key MirrorMaker 2 (connect-mirror, this build's Kafka version) and the Kafka clients it runs accept, taken
 * from their own config definitions at runtime, never from a hand-written list: the three connectors'
 * {@code config()}, {@code MirrorMakerConfig}'s top-level definition, the Connect worker ({@link DistributedConfig})
 * and the producer, consumer and admin client definitions. Built once; immutable and thread-safe.
 */
public final class Mm2Catalog {

    /** Top-level key prefixes MirrorMaker 2 copies into each herder's worker config (see its workerConfig()). */
    public static final List<String> TOP_LEVEL_WORKER_PREFIXES = List.of("offset.storage", "config.storage",
            "status.storage", "key.converter", "value.converter", "header.converter", "task", "worker",
            "replication.policy");

    /** Key families whose tail is a free name (transform and predicate aliases, provider names, topic groups). */
    public static final List<String> OPEN_PREFIXES = List.of("transforms.", "predicates.", "topic.creation.",
            "config.providers.");

    private static final Mm2Catalog INSTANCE = new Mm2Catalog();

    private final Set<String> connector;
    private final Set<String> topLevel;
    private final Set<String> worker;
    private final Set<String> producer = ProducerConfig.configNames();
    private final Set<String> consumer = ConsumerConfig.configNames();
    private final Set<String> admin = AdminClientConfig.configNames();
    private final Set<String> client;
    private final Set<String> passwords;
    private final Map<String, Object> connectorDefaults = new HashMap<>();

    private Mm2Catalog() {
        Set<String> c = new TreeSet<>();
        Set<String> pw = new TreeSet<>();
        for (ConfigDef def : List.of(new MirrorSourceConnector().config(), new MirrorCheckpointConnector().config(),
                new MirrorHeartbeatConnector().config(), SourceConnectorConfig.configDef())) {
            c.addAll(def.names());
            def.configKeys().forEach((k, v) -> {
                connectorDefaults.putIfAbsent(k, v.defaultValue);
                if (v.type == ConfigDef.Type.PASSWORD) {
                    pw.add(k);
                }
            });
        }
        connector = Collections.unmodifiableSet(c);
        topLevel = Collections.unmodifiableSet(new TreeSet<>(topLevelNames()));
        worker = Collections.unmodifiableSet(new TreeSet<>(workerNames()));
        Set<String> cl = new TreeSet<>(producer);
        cl.addAll(consumer);
        cl.addAll(admin);
        client = Collections.unmodifiableSet(cl);
        for (ConfigDef def : List.of(ProducerConfig.configDef(), ConsumerConfig.configDef(),
                AdminClientConfig.configDef())) {
            def.configKeys().forEach((k, v) -> {
                if (v.type == ConfigDef.Type.PASSWORD) {
                    pw.add(k);
                }
            });
        }
        passwords = Collections.unmodifiableSet(pw);
    }

    public static Mm2Catalog get() {
        return INSTANCE;
    }

    /**
     * MirrorMakerConfig's definition is protected in a final class; an instance lists every defined key.
     * {@code plugin.discovery=service_load} avoids a multi-second reflective classpath scan.
     */
    private static Set<String> topLevelNames() {
        return new MirrorMakerConfig(Map.of("clusters", "a", "plugin.discovery", "service_load")).values().keySet();
    }

    /** Connect's worker definition is private; an instance built from minimal settings lists every defined key. */
    private static Set<String> workerNames() {
        Map<String, String> minimal = Map.of("bootstrap.servers", "localhost:9092", "group.id", "g",
                "config.storage.topic", "c", "offset.storage.topic", "o", "status.storage.topic", "s",
                "key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter",
                "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        return new DistributedConfig(minimal).values().keySet();
    }

    /** Keys of MirrorSourceConnector, MirrorCheckpointConnector, MirrorHeartbeatConnector and Connect sources. */
    public Set<String> connectorKeys() {
        return connector;
    }

    public Set<String> topLevelKeys() {
        return topLevel;
    }

    public Set<String> workerKeys() {
        return worker;
    }

    /** Producer, consumer and admin client keys. */
    public Set<String> clientKeys() {
        return client;
    }

    /** Keys MirrorMaker 2 or the clients declare as PASSWORD: their values are secrets. */
    public boolean isPasswordKey(String key) {
        String k = key;
        int cut;
        while (!passwords.contains(k) && (cut = k.indexOf('.')) > 0 && cut < k.length() - 1) {
            if (passwords.contains(k.substring(cut + 1))) {
                return true;
            }
            k = k.substring(cut + 1);
        }
        return passwords.contains(k);
    }

    /** MirrorMaker 2's default for a connector key (e.g. topics.exclude), or null. */
    public Object connectorDefault(String key) {
        return connectorDefaults.get(key);
    }

    /** Whether a top-level worker key is honored by MirrorMaker 2 at the top level. */
    public static boolean honoredAtTopLevel(String workerKey) {
        return TOP_LEVEL_WORKER_PREFIXES.stream().anyMatch(workerKey::startsWith);
    }

    /** Client keys valid after a {@code producer.}, {@code consumer.} or {@code admin.} prefix. */
    public Set<String> clientKeysFor(String role) {
        return switch (role) {
            case "producer." -> producer;
            case "consumer." -> consumer;
            case "admin." -> admin;
            default -> client;
        };
    }
}
