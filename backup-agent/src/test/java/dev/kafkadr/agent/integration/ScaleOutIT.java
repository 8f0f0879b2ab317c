package dev.kafkadr.agent.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import dev.kafkadr.testkit.JavaProcess;
import dev.kafkadr.testkit.KafkaTestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three continuous agent processes in one consumer group on a 24-partition topic with continuous writes. Invariant
 * checked at the end: the archive holds every record a read_committed consumer sees, each exactly once. On the way:
 * every partition is backed up by its assigned agent; a SIGKILLed agent's partitions move and are committed by the
 * others; the restarted agent gets partitions back; an agent frozen (SIGSTOP) past its session timeout and resumed
 * does not commit the partitions the others took over, and logs why.
 */
class ScaleOutIT {

    private static final String TOPIC = "events";
    private static final int PARTITIONS = 24;
    private static final String GROUP = "kdr-agent-prod";
    private static final Duration WAIT = Duration.ofSeconds(120);

    static KafkaTestCluster kafka;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        kafka = KafkaTestCluster.builder().config("group.min.session.timeout.ms", "2000").start();
        kafka.createTopic(TOPIC, PARTITIONS);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private JavaProcess agent(Path store, String writer) {
        return ContinuousAgents.start(dir, kafka.bootstrapServers(), store, TOPIC, writer, 2000);
    }

    @Test
    void three_agents_share_partitions_survive_a_kill_and_a_stale_writer_and_archive_every_record_exactly_once()
            throws Exception {
        Path storeDir = dir.resolve("archive");
        ObjectStore store = new LocalObjectStore(storeDir, StoreOptions.empty());
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread producer = new Thread(() -> produce(producing), "producer");
        producer.start();
        JavaProcess a1 = agent(storeDir, "a1");
        JavaProcess a2 = agent(storeDir, "a2");
        JavaProcess a3 = agent(storeDir, "a3");
        JavaProcess a2again = null;
        try {
            // 1. the group spreads the partitions; each agent commits the ones it owns
            Map<String, Set<Integer>> first = awaitBalanced(Set.of("a1", "a2", "a3"));
            awaitCommittedBy(store, first, Instant.EPOCH);

            // 2. SIGKILL a2: its partitions move to a1 and a3, which continue from a2's last commit
            Instant killed = Instant.now();
            a2.kill();
            Map<String, Set<Integer>> afterKill = awaitAssigned(Set.of("a1", "a3"));
            awaitCommittedBy(store, movedFrom(first.get("a2"), afterKill), killed);

            // 3. a2 again: the cooperative-sticky assignor gives it a share back
            Instant restarted = Instant.now();
            a2again = agent(storeDir, "a2");
            Map<String, Set<Integer>> rebalanced = awaitBalanced(Set.of("a1", "a2", "a3"));
            awaitCommittedBy(store, Map.of("a2", rebalanced.get("a2")), restarted);

            // 4. SIGSTOP a3 past its session timeout: the others take over and commit; SIGCONT: a3 must not commit
            Instant frozen = Instant.now();
            Set<Integer> frozenPartitions = rebalanced.get("a3");
            ContinuousAgents.signal(a3, "STOP");
            Map<String, Set<Integer>> takenOver = awaitAssigned(Set.of("a1", "a2"));
            awaitCommittedBy(store, movedFrom(frozenPartitions, takenOver), frozen);
            ContinuousAgents.signal(a3, "CONT");
            JavaProcess stale = a3;
            await("a3 logs why it dropped the partitions it no longer owns").atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        String log = ContinuousAgents.log(stale);
                        return log.contains("not committed by writer 'a3'") || log.contains("lost ");
                    });
            awaitAssigned(Set.of("a1", "a2", "a3"));

            // 5. drain: stop writing, wait until the archive reaches Kafka's end offsets everywhere
            producing.set(false);
            producer.join();
            Map<Integer, Long> ends = endOffsets();
            await("archive reaches the end offsets").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        Map<Integer, PartitionCommit> heads = ContinuousAgents.heads(store, TOPIC, PARTITIONS);
                        for (int p = 0; p < PARTITIONS; p++) {
                            assertThat(heads.get(p)).as("head of partition %d", p).isNotNull();
                            assertThat(heads.get(p).endOffset()).as("archived end of partition %d", p)
                                    .isEqualTo(ends.get(p));
                        }
                    });
            for (JavaProcess a : List.of(a1, a2again, a3)) {
                ContinuousAgents.signal(a, "TERM");
            }
            for (JavaProcess a : List.of(a1, a2again, a3)) {
                assertThat(a.waitFor(90, TimeUnit.SECONDS)).as("exit after SIGTERM, log " + a.log()).isEqualTo(143);
            }

            String staleLog = ContinuousAgents.log(a3);
            System.out.println("a3 (stale writer) said: " + staleLog.lines().filter(l -> l.contains("WARN"))
                    .collect(Collectors.joining("\n")));
            Map<Integer, List<ConsumerRecord<byte[], byte[]>>> expected = kafka.readAll(TOPIC, "read_committed");
            AgentTestSupport.assertArchiveEquals(expected, AgentTestSupport.archived(store, "prod", TOPIC), TOPIC);
            assertThat(expected.values().stream().mapToInt(List::size).sum()).isGreaterThan(2000);
            assertThat(ContinuousAgents.chains(store, TOPIC)).extracting(PartitionCommit::writerId)
                    .contains("a1", "a2", "a3");
        } finally {
            producing.set(false);
            for (JavaProcess a : new JavaProcess[] {a1, a2, a3, a2again}) {
                if (a != null) {
                    ContinuousAgents.signalIfAlive(a, "CONT");
                    a.close();
                }
            }
        }
    }

    /** About 400 records a second over every partition, acks=all, idempotent. */
    private static void produce(AtomicBoolean producing) {
        try (KafkaProducer<byte[], byte[]> p = kafka.producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 10))) {
            for (int i = 0; producing.get(); i++) {
                p.send(new ProducerRecord<>(TOPIC, i % PARTITIONS, ("k" + i).getBytes(), ("v" + i).getBytes()));
                if (i % 40 == 39) {
                    Thread.sleep(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until exactly {@code writers} are members and each has PARTITIONS / n partitions. */
    private static Map<String, Set<Integer>> awaitBalanced(Set<String> writers) {
        AtomicReference<Map<String, Set<Integer>>> seen = new AtomicReference<>();
        await("group balanced over " + writers).atMost(WAIT).ignoreExceptions().pollInterval(Duration.ofMillis(500)).until(() -> {
            seen.set(assignment());
            return seen.get().keySet().equals(writers)
                    && seen.get().values().stream().allMatch(s -> s.size() == PARTITIONS / writers.size());
        });
        return seen.get();
    }

    /** Waits until exactly {@code writers} are members and they hold every partition between them. */
    private static Map<String, Set<Integer>> awaitAssigned(Set<String> writers) {
        AtomicReference<Map<String, Set<Integer>>> seen = new AtomicReference<>();
        await("all partitions assigned to " + writers).atMost(WAIT).ignoreExceptions().pollInterval(Duration.ofMillis(500)).until(() -> {
            seen.set(assignment());
            return seen.get().keySet().equals(writers)
                    && seen.get().values().stream().mapToInt(Set::size).sum() == PARTITIONS;
        });
        return seen.get();
    }

    /** The group's current assignment by writer id (the client id is kdr-agent-prod-WRITER). */
    private static Map<String, Set<Integer>> assignment() throws Exception {
        try (Admin admin = kafka.admin()) {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
            Map<String, Set<Integer>> out = new TreeMap<>();
            for (MemberDescription m : d.members()) {
                String writer = m.clientId().substring("kdr-agent-prod-".length());
                out.computeIfAbsent(writer, w -> new TreeSet<>()).addAll(m.assignment().topicPartitions().stream()
                        .map(TopicPartition::partition).toList());
            }
            return out;
        }
    }

    /** Who owns each of {@code partitions} now. */
    private static Map<String, Set<Integer>> movedFrom(Set<Integer> partitions, Map<String, Set<Integer>> now) {
        Map<String, Set<Integer>> out = new HashMap<>();
        now.forEach((w, ps) -> ps.stream().filter(partitions::contains)
                .forEach(p -> out.computeIfAbsent(w, x -> new TreeSet<>()).add(p)));
        return out;
    }

    /** Waits until each writer's partitions have a commit on their committed chain by that writer, after {@code t}. */
    private static void awaitCommittedBy(ObjectStore store, Map<String, Set<Integer>> owners, Instant after) {
        await("commits by " + owners + " after " + after).atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Map<Integer, Set<String>> writers = new HashMap<>();
                    for (PartitionCommit c : ContinuousAgents.chains(store, TOPIC)) {
                        if (c.createdAt().isAfter(after)) {
                            writers.computeIfAbsent(c.partition(), p -> new TreeSet<>()).add(c.writerId());
                        }
                    }
                    owners.forEach((w, ps) -> ps.forEach(p -> assertThat(writers.getOrDefault(p, Set.of()))
                            .as("writers of partition %d since %s", p, after).contains(w)));
                });
    }

    private static Map<Integer, Long> endOffsets() throws Exception {
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                spec.put(new TopicPartition(TOPIC, p), OffsetSpec.latest());
            }
            Map<Integer, Long> out = new HashMap<>();
            admin.listOffsets(spec, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                    .forEach((tp, i) -> out.put(tp.partition(), i.offset()));
            return out;
        }
    }
}
