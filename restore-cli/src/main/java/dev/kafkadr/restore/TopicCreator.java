package dev.kafkadr.restore;

import dev.kafkadr.kafka.KafkaErrors;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates target topics and waits until they can be written: every partition has a leader in the metadata, and that
 * leader answers requests for it (right after creation a broker may still refuse produce requests with
 * NOT_LEADER_OR_FOLLOWER). Thread-safe.
 */
final class TopicCreator {

    private static final java.time.Duration READ_TIMEOUT = TargetCluster.READ_TIMEOUT;

    private final Admin admin;
    private final String bootstrap;

    TopicCreator(Admin admin, String bootstrap) {
        this.admin = admin;
        this.bootstrap = bootstrap;
    }

    private String bootstrap() {
        return bootstrap;
    }

    /** Creates the topics and waits until every partition has a leader that serves requests. */
    void create(List<TopicSpec> specs) {
        if (specs.isEmpty()) {
            return;
        }
        List<NewTopic> topics = specs.stream().map(s -> new NewTopic(s.name(), s.partitions(),
                s.replicationFactor()).configs(s.configs())).toList();
        try {
            admin.createTopics(topics).all().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                throw new RestoreConflictException("a target topic was created by someone else during the restore: "
                        + e.getCause().getMessage(), "run the restore again: it will inspect the topic first");
            }
            throw KafkaErrors.translate(e, "create target topics " + specs.stream().map(TopicSpec::name).toList(),
                    bootstrap());
        } catch (InterruptedException e) {
            throw KafkaErrors.translate(e, "create target topics", bootstrap());
        }
        awaitLeaders(specs);
        awaitLeadersServing(specs);
    }

    /** Waits until every new partition's leader answers a ListOffsets request (it has taken leadership). */
    private void awaitLeadersServing(List<TopicSpec> specs) {
        Map<TopicPartition, OffsetSpec> all = new HashMap<>();
        specs.forEach(s -> {
            for (int p = 0; p < s.partitions(); p++) {
                all.put(new TopicPartition(s.name(), p), OffsetSpec.latest());
            }
        });
        Instant deadline = Instant.now().plus(READ_TIMEOUT);
        while (true) {
            try {
                admin.listOffsets(all).all().get();
                return;
            } catch (ExecutionException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw KafkaErrors.translate(notYet, "wait for the leaders of the new topics", bootstrap());
                }
            } catch (InterruptedException e) {
                throw KafkaErrors.translate(e, "wait for the new topics", bootstrap());
            }
            sleep(100);
        }
    }

    private void awaitLeaders(List<TopicSpec> specs) {
        Instant deadline = Instant.now().plus(READ_TIMEOUT);
        List<String> names = specs.stream().map(TopicSpec::name).toList();
        while (true) {
            try {
                Map<String, TopicDescription> d = admin.describeTopics(names).allTopicNames().get();
                boolean ready = specs.stream().allMatch(s -> d.get(s.name()).partitions().size() == s.partitions()
                        && d.get(s.name()).partitions().stream().allMatch(p -> p.leader() != null
                        && !p.leader().isEmpty()));
                if (ready) {
                    return;
                }
            } catch (ExecutionException notYet) {
                // metadata still propagating
            } catch (InterruptedException e) {
                throw KafkaErrors.translate(e, "wait for the new topics", bootstrap());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new TargetNotFoundException("created topics " + names + " on " + bootstrap()
                        + " but their partitions had no leader after " + READ_TIMEOUT.toSeconds() + " s", null);
            }
            sleep(100);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KafkaErrors.translate(e, "wait", "");
        }
    }
}
