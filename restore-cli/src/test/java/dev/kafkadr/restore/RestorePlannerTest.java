package dev.kafkadr.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;
import dev.kafkadr.archive.UsageException;
import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.BackupNotFoundException;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import dev.kafkadr.restore.testing.ArchivedCorpus;
import dev.kafkadr.restore.testing.TestArchive;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestorePlannerTest {

    @TempDir
    static Path dir;
    static ArchivedCorpus corpus;
    static ArchiveCatalog catalog;
    static RestorePlanner planner;

    @BeforeAll
    static void write() {
        corpus = ArchivedCorpus.writeTo(dir.resolve("archive"));
        catalog = corpus.archive.catalog();
        planner = new RestorePlanner(catalog);
    }

    private static RestoreRequest request(String topics, String run, Instant toTime, boolean earliest,
                                          List<Integer> partitions, Map<String, String> renames) {
        return new RestoreRequest(null, topics, renames, run, toTime, earliest,
                partitions == null ? null : new TreeSet<>(partitions));
    }

    private static List<ArchivedRecord> stream(PartitionSource ps) {
        List<ArchivedRecord> out = new ArrayList<>();
        try (RestoreStream s = RestoreStream.open(ps, new ArchiveSegmentSource(catalog))) {
            s.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void by_default_every_topic_is_restored_as_of_the_newest_run_from_its_log_start_offset() {
        RestorePlan plan = planner.plan(RestoreRequest.all(null));
        assertThat(plan.cluster()).isEqualTo("prod");
        assertThat(plan.runId()).isEqualTo(corpus.run2);
        assertThat(plan.topics()).extracting(TopicPlan::sourceTopic).containsExactlyElementsOf(ArchivedCorpus.topics());
        assertThat(plan.partitionCount()).isEqualTo(12 + 2 + 2 + 1 + 1);
        for (TopicPlan t : plan.topics()) {
            for (PartitionSource ps : t.partitions()) {
                assertThat(stream(ps)).as(ps.name()).isEqualTo(corpus.expected(t.sourceTopic(), ps.partition()));
            }
        }
        PartitionSource retained = plan.topic("retained").orElseThrow().partition(0).orElseThrow();
        assertThat(retained.fromOffset()).isEqualTo(30);
        assertThat(retained.archiveStart()).isEqualTo(0);
    }

    @Test
    void from_earliest_also_restores_what_the_archive_kept_below_the_log_start_offset() {
        RestorePlan plan = planner.plan(request("retained", null, null, true, null, Map.of()));
        PartitionSource ps = plan.topics().get(0).partitions().get(0);
        assertThat(stream(ps)).isEqualTo(corpus.expectedFromEarliest("retained", 0)).hasSize(40);
    }

    @Test
    void an_older_run_restores_what_that_run_had() {
        RestorePlan plan = planner.plan(request("orders", corpus.run1, null, false, null, Map.of()));
        assertThat(plan.runId()).isEqualTo(corpus.run1);
        for (PartitionSource ps : plan.topics().get(0).partitions()) {
            assertThat(stream(ps)).as(ps.name()).isEqualTo(corpus.expectedRun1("orders", ps.partition()));
        }
    }

    @Test
    void a_point_in_time_filters_by_timestamp_from_the_log_start_of_the_first_run_cut_after_it() {
        RestorePlan plan = planner.plan(request(null, null, corpus.toTime, false, null, Map.of()));
        assertThat(plan.runId()).isEqualTo(corpus.run2);
        assertThat(plan.logStartRunId()).isEqualTo(corpus.run2);
        for (TopicPlan t : plan.topics()) {
            for (PartitionSource ps : t.partitions()) {
                assertThat(stream(ps)).as(ps.name()).isEqualTo(corpus.expectedToTime(t.sourceTopic(), ps.partition()));
            }
        }
        List<ArchivedRecord> orders2 = stream(plan.topic("orders").orElseThrow().partition(2).orElseThrow());
        assertThat(orders2).as("the run-2 record with an early timestamp is kept")
                .anyMatch(r -> r.offset() >= corpus.endOffsetRun1("orders", 2));
    }

    @Test
    void a_point_in_time_before_the_first_backup_names_the_earliest_archived_timestamp() {
        Instant before = corpus.base.minusSeconds(3600);
        assertThatThrownBy(() -> planner.plan(request("orders", null, before, false, null, Map.of())))
                .isInstanceOf(BackupNotFoundException.class)
                .hasMessage("--to-time " + before + " is before the first backup: the earliest archived record of the"
                        + " selected topics has timestamp " + corpus.base);
    }

    @Test
    void partitions_and_renames_select_and_redirect() {
        RestorePlan plan = planner.plan(request("orders|txn", null, null, false, List.of(0, 3),
                Map.of("orders", "orders-dr")));
        assertThat(plan.topics()).extracting(TopicPlan::targetTopic).containsExactly("orders-dr", "txn");
        assertThat(plan.topic("orders").orElseThrow().partitions()).extracting(PartitionSource::partition)
                .containsExactly(0, 3);
        assertThat(plan.topic("txn").orElseThrow().partitions()).extracting(PartitionSource::partition)
                .containsExactly(0);
    }

    @Test
    void a_partition_no_selected_topic_has_is_a_usage_error() {
        assertThatThrownBy(() -> planner.plan(request("txn|audit", null, null, false, List.of(0, 2), Map.of())))
                .isInstanceOf(UsageException.class)
                .hasMessage("--partitions names partition 2 but no selected archived topic has it (the most"
                        + " partitions: 2, in 'audit')");
    }

    @Test
    void an_unknown_topic_names_the_archived_ones() {
        assertThatThrownBy(() -> planner.plan(request("nope.*", null, null, false, null, Map.of())))
                .isInstanceOf(BackupNotFoundException.class)
                .hasMessage("no archived topic matches --topics 'nope.*' in cluster 'prod' as of run " + corpus.run2
                        + " (archived topics: [audit, compacted, orders, retained, txn])");
    }

    @Test
    void renaming_a_topic_that_is_not_selected_is_a_usage_error() {
        assertThatThrownBy(() -> planner.plan(request("txn", null, null, false, null, Map.of("orders", "x"))))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--rename orders=x names topic 'orders', which is not among the selected");
        assertThatThrownBy(() -> planner.plan(request("txn|audit", null, null, false, null,
                Map.of("txn", "same", "audit", "same"))))
                .hasMessageContaining("would be restored into the same target topic 'same'");
        assertThatThrownBy(() -> planner.plan(request("txn", null, null, false, null, Map.of("txn", "bad/name"))))
                .hasMessageContaining("'bad/name' is not valid");
    }

    @Test
    void an_unknown_run_is_not_found() {
        assertThatThrownBy(() -> planner.plan(request(null, "20200101T000000000Z-00000000", null, false, null,
                Map.of())))
                .isInstanceOf(BackupNotFoundException.class)
                .hasMessageStartingWith("run '20200101T000000000Z-00000000' is not a committed run of cluster 'prod'");
    }

    @Test
    void a_store_without_an_archive_and_a_cluster_without_backups_are_not_found(@TempDir Path empty) {
        RestorePlanner none = new RestorePlanner(new ArchiveCatalog(new LocalObjectStore(empty, StoreOptions.empty())));
        assertThatThrownBy(() -> none.plan(RestoreRequest.all(null)))
                .isInstanceOf(BackupNotFoundException.class)
                .hasMessageStartingWith("no kafka-dr archive at " + empty.toUri());
        assertThatThrownBy(() -> planner.plan(RestoreRequest.all("staging")))
                .isInstanceOf(BackupNotFoundException.class)
                .hasMessageContaining("no committed backup of cluster 'staging' in")
                .hasMessageEndingWith("(clusters with backups: [prod])");
    }

    @Test
    void a_store_with_several_clusters_needs_cluster(@TempDir Path two) {
        TestArchive a = new TestArchive(two, "east");
        a.run(Instant.parse("2026-01-01T00:00:00Z")).partition("t", 0, 0, 1, List.of(
                TestArchive.record(0, 1, "k", "v"))).commit();
        TestArchive b = new TestArchive(two, "west");
        b.run(Instant.parse("2026-01-01T00:00:00Z")).partition("t", 0, 0, 1, List.of(
                TestArchive.record(0, 1, "k", "v"))).commit();
        RestorePlanner p = new RestorePlanner(a.catalog());
        assertThatThrownBy(() -> p.plan(RestoreRequest.all(null)))
                .isInstanceOf(UsageException.class)
                .hasMessage("the store holds backups of several clusters [east, west]: choose one with --cluster");
        assertThat(p.plan(RestoreRequest.all("west")).cluster()).isEqualTo("west");
    }

    @Test
    void run_and_to_time_exclude_each_other() {
        assertThatThrownBy(() -> request(null, corpus.run1, corpus.toTime, false, null, Map.of()))
                .isInstanceOf(KdrException.class)
                .satisfies(e -> assertThat(((KdrException) e).kind()).isEqualTo(FailureKind.USAGE));
    }
}
