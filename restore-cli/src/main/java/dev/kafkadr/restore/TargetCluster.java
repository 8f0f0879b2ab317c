package dev.kafkadr.restore;

import dev.kafkadr.archive.KdrException;
import dev.kafkadr.archive.UsageException;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.kafka.KafkaClientConfig;
import dev.kafkadr.kafka.KafkaErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The Kafka cluster a restore writes to: inspects topics, offsets, records and groups, creates topics, alters group
 * offsets, and makes the producer. Every Kafka failure becomes a typed one-line failure naming the cluster and the
 * operation ({@link KafkaErrors}). Thread-safe.
 */
public final class TargetCluster implements AutoCloseable {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaClientConfig config;
    private final Admin admin;
    private final TargetRecordReader reader;

    public TargetCluster(KafkaClientConfig config) {
        this.config = config;
        try {
            this.admin = Admin.create(config.admin("kdr-restore-admin"));
        } catch (RuntimeException e) {
            throw clientCreationFailure(e, "create an admin client");
        }
        this.reader = new TargetRecordReader(config);
    }

    public String bootstrap() {
        return config.bootstrap();
    }

    public KafkaClientConfig config() {
        return config;
    }

    public int brokerCount() {
        return call("describe the target cluster", () -> admin.describeCluster().nodes().get().size());
    }

    /** Existence, partition count, timestamp type and offsets of each topic. */
    public Map<String, TargetTopic> describe(Collection<String> names) {
        Map<String, TargetTopic> out = new TreeMap<>();
        Map<String, KafkaFuture<TopicDescription>> found = admin.describeTopics(names).topicNameValues();
        Map<String, TopicDescription> existing = new TreeMap<>();
        for (String name : names) {
            try {
                existing.put(name, found.get(name).get());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw KafkaErrors.translate(e, "describe target topic " + name, bootstrap());
                }
                out.put(name, TargetTopic.absent(name));
            } catch (InterruptedException e) {
                throw KafkaErrors.translate(e, "describe target topic " + name, bootstrap());
            }
        }
        if (!existing.isEmpty()) {
            Map<TopicPartition, TargetTopic.OffsetRange> offsets = offsets(existing.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .toList());
            Map<String, String> tsTypes = timestampTypes(existing.keySet());
            existing.forEach((name, d) -> {
                Map<Integer, TargetTopic.OffsetRange> o = new TreeMap<>();
                d.partitions().forEach(p -> o.put(p.partition(), offsets.get(new TopicPartition(name, p.partition()))));
                out.put(name, TargetTopic.of(name, d.partitions().size(), tsTypes.get(name), o));
            });
        }
        return out;
    }

    /** Log start and end offsets of the given partitions. */
    public Map<TopicPartition, TargetTopic.OffsetRange> offsets(Collection<TopicPartition> tps) {
        return call("list offsets on the target", () -> {
            Map<TopicPartition, OffsetSpec> early = new HashMap<>();
            Map<TopicPartition, OffsetSpec> late = new HashMap<>();
            tps.forEach(tp -> {
                early.put(tp, OffsetSpec.earliest());
                late.put(tp, OffsetSpec.latest());
            });
            Map<TopicPartition, ListOffsetsResultInfo> s = admin.listOffsets(early).all().get();
            Map<TopicPartition, ListOffsetsResultInfo> e = admin.listOffsets(late).all().get();
            Map<TopicPartition, TargetTopic.OffsetRange> out = new HashMap<>();
            tps.forEach(tp -> out.put(tp, new TargetTopic.OffsetRange(s.get(tp).offset(), e.get(tp).offset())));
            return out;
        });
    }

    private Map<String, String> timestampTypes(Collection<String> topics) {
        return call("describe target topic configs", () -> {
            List<ConfigResource> res = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t))
                    .toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(res).all().get();
            Map<String, String> out = new HashMap<>();
            configs.forEach((r, c) -> {
                ConfigEntry e = c.get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG);
                out.put(r.name(), e == null ? "CreateTime" : e.value());
            });
            return out;
        });
    }

    /** Creates the topics and waits until every partition's leader serves requests. */
    public void createTopics(List<TopicSpec> specs) {
        new TopicCreator(admin, bootstrap()).create(specs);
    }

    /**
     * The first record of {@code topic-partition} at or after {@code offset} and before {@code end}, with its target
     * offset, or empty if there is none.
     */
    public Optional<ArchivedRecord> firstRecordFrom(String topic, int partition, long offset, long end) {
        return reader.firstRecordFrom(topic, partition, offset, end);
    }

    /** Member client ids of each group that has members; groups without members or unknown are absent. */
    public Map<String, List<String>> activeMembers(Collection<String> groups) {
        Map<String, List<String>> out = new TreeMap<>();
        Map<String, KafkaFuture<ConsumerGroupDescription>> found =
                admin.describeConsumerGroups(groups).describedGroups();
        for (String g : groups) {
            try {
                ConsumerGroupDescription d = found.get(g).get();
                if (!d.members().isEmpty()) {
                    List<String> ids = new ArrayList<>();
                    d.members().stream().map(MemberDescription::clientId).sorted().forEach(ids::add);
                    out.put(g, ids);
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw KafkaErrors.translate(e, "describe consumer group " + g, bootstrap());
                }
            } catch (InterruptedException e) {
                throw KafkaErrors.translate(e, "describe consumer group " + g, bootstrap());
            }
        }
        return out;
    }

    /** Commits {@code offsets} for {@code group}; the group must have no active members. */
    public void alterOffsets(String group, Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            admin.alterConsumerGroupOffsets(group, offsets).all().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupNotEmptyException || e.getCause() instanceof UnknownMemberIdException) {
                throw new RestoreConflictException("consumer group '" + group + "' has active members on "
                        + bootstrap() + "; its offsets were not changed", "stop its consumers and run again");
            }
            throw KafkaErrors.translate(e, "commit offsets of consumer group " + group, bootstrap());
        } catch (InterruptedException e) {
            throw KafkaErrors.translate(e, "commit offsets of consumer group " + group, bootstrap());
        }
    }

    /**
     * A new idempotent acks=all producer: {@code defaults} apply unless --command-config sets the key,
     * {@code forced} always apply.
     */
    public KafkaProducer<byte[], byte[]> newProducer(Map<String, Object> defaults, Map<String, Object> forced) {
        Map<String, Object> effective = new HashMap<>();
        defaults.forEach((k, v) -> {
            if (!config.properties().containsKey(k)) {
                effective.put(k, v);
            }
        });
        effective.putAll(forced);
        try {
            return new KafkaProducer<>(config.producer("kdr-restore", effective));
        } catch (RuntimeException e) {
            throw clientCreationFailure(e, "create a producer");
        }
    }

    /** A client that cannot even be built: a bad setting is a usage error naming it, the rest is translated. */
    private KdrException clientCreationFailure(RuntimeException e, String what) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ConfigException) {
            return new UsageException("Kafka client settings for " + config.bootstrap() + " are invalid: "
                    + root.getMessage() + " (check --command-config)");
        }
        return KafkaErrors.translate(root instanceof KdrException ? root : e, what, config.bootstrap());
    }

    private <T> T call(String what, KafkaCall<T> call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw KafkaErrors.translate(e, what, bootstrap());
        }
    }


    @Override
    public void close() {
        reader.close();
        admin.close(Duration.ofSeconds(5));
    }

    @FunctionalInterface
    private interface KafkaCall<T> {
        T run() throws Exception;
    }
}
