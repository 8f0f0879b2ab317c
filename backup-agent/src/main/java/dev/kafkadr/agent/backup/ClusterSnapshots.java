package dev.kafkadr.agent.backup;

import dev.kafkadr.archive.manifest.AclEntry;
import dev.kafkadr.archive.manifest.AclsSnapshot;
import dev.kafkadr.archive.manifest.GroupOffset;
import dev.kafkadr.archive.manifest.GroupSnapshot;
import dev.kafkadr.archive.manifest.GroupsSnapshot;
import dev.kafkadr.archive.manifest.TopicMetadata;
import dev.kafkadr.archive.manifest.TopicsSnapshot;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.SecurityDisabledException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Reads what a run saves besides records: topic metadata (partitions, replication factor, non-default configs,
 * timestamp type), consumer-group offsets on the backed-up partitions, and the ACLs that concern them.
 * Stateless apart from the admin client it is given; thread-safe.
 */
public final class ClusterSnapshots {

    private final Admin admin;
    private final Clock clock;

    public ClusterSnapshots(Admin admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    public TopicsSnapshot topics(String runId, Map<String, TopicDescription> described)
            throws ExecutionException, InterruptedException {
        List<ConfigResource> resources = described.keySet().stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
        List<TopicMetadata> out = new ArrayList<>();
        for (TopicDescription d : described.values()) {
            Config c = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, d.name()));
            Map<String, String> overrides = new TreeMap<>();
            String timestampType = "CreateTime";
            for (ConfigEntry e : c.entries()) {
                if (e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG && !e.isSensitive()
                        && e.value() != null) {
                    overrides.put(e.name(), e.value());
                }
                if (e.name().equals("message.timestamp.type") && e.value() != null) {
                    timestampType = e.value();
                }
            }
            int rf = d.partitions().isEmpty() ? 0 : d.partitions().get(0).replicas().size();
            out.add(TopicMetadata.of(d.name(), d.topicId() == null ? null : d.topicId().toString(),
                    d.partitions().size(), rf, overrides, timestampType));
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return new TopicsSnapshot(runId, out);
    }

    public GroupsSnapshot groups(String runId, Set<TopicPartition> backedUp, TopicSelector groupSelector)
            throws ExecutionException, InterruptedException {
        Collection<GroupListing> listings = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get();
        List<String> groupIds = listings.stream().map(GroupListing::groupId).filter(groupSelector::matches)
                .sorted().toList();
        if (groupIds.isEmpty()) {
            return new GroupsSnapshot(runId, clock.instant(), List.of());
        }
        Map<String, ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(groupIds).all().get();
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        for (String g : groupIds) {
            committed.put(g, admin.listConsumerGroupOffsets(g).partitionsToOffsetAndMetadata().get());
        }
        Set<TopicPartition> relevant = committed.values().stream().flatMap(m -> m.keySet().stream())
                .filter(backedUp::contains).collect(Collectors.toSet());
        Map<TopicPartition, Long> ends = endOffsets(relevant);
        List<GroupSnapshot> out = new ArrayList<>();
        for (String g : groupIds) {
            List<GroupOffset> offsets = new ArrayList<>();
            committed.get(g).forEach((tp, om) -> {
                if (om != null && backedUp.contains(tp)) {
                    offsets.add(new GroupOffset(tp.topic(), tp.partition(), om.offset(), om.metadata(),
                            om.leaderEpoch().orElse(null), ends.get(tp)));
                }
            });
            if (!offsets.isEmpty()) {
                offsets.sort((a, b) -> a.topic().equals(b.topic()) ? Integer.compare(a.partition(), b.partition())
                        : a.topic().compareTo(b.topic()));
                ConsumerGroupDescription d = descriptions.get(g);
                out.add(new GroupSnapshot(g, d == null ? "UNKNOWN" : d.groupState().toString(), offsets));
            }
        }
        return new GroupsSnapshot(runId, clock.instant(), out);
    }

    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> tps)
            throws ExecutionException, InterruptedException {
        if (tps.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
        tps.forEach(tp -> spec.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> r = admin.listOffsets(spec).all().get();
        Map<TopicPartition, Long> out = new HashMap<>();
        r.forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    /** ACLs on the given topics and groups (literal, prefixed and wildcard patterns that cover them). */
    public AclsSnapshot acls(String runId, Set<String> topics, Set<String> groups)
            throws InterruptedException, ExecutionException {
        Collection<AclBinding> all;
        try {
            all = admin.describeAcls(AclBindingFilter.ANY).values().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SecurityDisabledException) {
                return new AclsSnapshot(runId, false, List.of());
            }
            throw e;
        }
        List<AclEntry> out = new ArrayList<>();
        for (AclBinding b : all) {
            ResourceType type = b.pattern().resourceType();
            Set<String> names = type == ResourceType.TOPIC ? topics : type == ResourceType.GROUP ? groups : Set.of();
            if (names.stream().anyMatch(n -> covers(b.pattern().patternType(), b.pattern().name(), n))) {
                out.add(new AclEntry(type.name(), b.pattern().name(), b.pattern().patternType().name(),
                        b.entry().principal(), b.entry().host(), b.entry().operation().name(),
                        b.entry().permissionType().name()));
            }
        }
        out.sort((a, b) -> a.toString().compareTo(b.toString()));
        return new AclsSnapshot(runId, true, out);
    }

    static boolean covers(PatternType type, String pattern, String name) {
        if ("*".equals(pattern)) {
            return true;
        }
        return switch (type) {
            case LITERAL -> pattern.equals(name);
            case PREFIXED -> name.startsWith(pattern);
            default -> false;
        };
    }
}
