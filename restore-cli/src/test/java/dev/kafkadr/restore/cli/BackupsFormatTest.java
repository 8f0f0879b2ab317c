package dev.kafkadr.restore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.manifest.TopicMetadata;
import dev.kafkadr.restore.RunSummary;
import dev.kafkadr.restore.TopicSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackupsFormatTest {

    private final RunSummary first = new RunSummary("prod", "20261127T020000000Z-eab5ac61",
            Instant.parse("2026-11-27T02:00:05Z"), Instant.parse("2026-11-27T02:03:00Z"), 2, 13, 1531, 80213,
            List.of(), null);
    private final RunSummary second = new RunSummary("prod", "20261128T020000000Z-57519f5b",
            Instant.parse("2026-11-28T02:00:05Z"), Instant.parse("2026-11-28T02:01:00Z"), 1, 12, 12, 2048,
            List.of(new RunSummary.Gap("orders", 3, 1200, 1210, "RETENTION")), null);
    private final RunSummary broken = new RunSummary("prod", "20261129T020000000Z-00000000", null, null, 0, 0, 0, 0,
            List.of(), "corrupt archive object …: CRC32C mismatch");

    @Test
    void the_list_is_a_table_with_one_line_per_run_then_gaps_and_problems() {
        assertThat(BackupsFormat.listText(List.of(first, second, broken))).isEqualTo("""
                CLUSTER  RUN                           CUT                   TOPICS  PARTITIONS  RECORDS  BYTES     GAPS
                prod     20261127T020000000Z-eab5ac61  2026-11-27T02:00:05Z  2       13          1,531    78.3 KiB  0
                prod     20261128T020000000Z-57519f5b  2026-11-28T02:00:05Z  1       12          12       2.0 KiB   1
                prod     20261129T020000000Z-00000000  UNREADABLE            -       -           -        -         -
                run 20261128T020000000Z-57519f5b: gap orders-3 [1200, 1210) RETENTION (10 offsets lost before any \
                backup read them)
                run 20261129T020000000Z-00000000: corrupt archive object …: CRC32C mismatch
                """);
        assertThat(BackupsFormat.listText(List.of())).isEqualTo("no committed backup runs\n");
    }

    @Test
    void the_json_list_has_sorted_keys_iso_times_and_every_field() {
        String json = BackupsFormat.listJson(List.of(second));
        assertThat(json).isEqualTo("""
                {
                  "runs" : [ {
                    "bytes" : 2048,
                    "cluster" : "prod",
                    "committedAt" : "2026-11-28T02:01:00Z",
                    "cutAt" : "2026-11-28T02:00:05Z",
                    "gaps" : [ {
                      "from" : 1200,
                      "partition" : 3,
                      "reason" : "RETENTION",
                      "to" : 1210,
                      "topic" : "orders"
                    } ],
                    "partitions" : 12,
                    "problem" : null,
                    "records" : 12,
                    "runId" : "20261128T020000000Z-57519f5b",
                    "topics" : 1
                  } ]
                }
                """);
        assertThat(BackupsFormat.listJson(List.of(second))).isEqualTo(json);
    }

    @Test
    void describe_shows_offsets_times_and_gaps_per_partition() {
        TopicSummary s = new TopicSummary("prod", "orders", "20261128T020000000Z-57519f5b",
                TopicMetadata.of("orders", "id", 2, 3, Map.of("min.insync.replicas", "2", "cleanup.policy", "delete"),
                        "CreateTime"),
                List.of(new TopicSummary.PartitionSummary(0, 0, 1750, 0, 1531, 80213, 1764208800000L,
                                1764209100000L, 2, List.of()),
                        new TopicSummary.PartitionSummary(1, 1200, 1750, 1210, 0, 0, null, null, 1,
                                List.of(new RunSummary.Gap("orders", 1, 1200, 1210, "RETENTION")))));
        assertThat(BackupsFormat.describeText(s)).isEqualTo("""
                topic orders of cluster prod as of run 20261128T020000000Z-57519f5b: 2 partitions, replication \
                factor 3, timestamp type CreateTime
                configs: cleanup.policy=delete, min.insync.replicas=2
                PARTITION  OFFSETS       LOG START  RECORDS  BYTES     FIRST TIMESTAMP       LAST TIMESTAMP        \
                COMMITS  GAPS
                0          [0, 1750)     0          1,531    78.3 KiB  2025-11-27T02:00:00Z  2025-11-27T02:05:00Z  2 \
                       -
                1          [1200, 1750)  1210       0        0 B       -                     -                     1 \
                       [1200, 1210) RETENTION
                """);
        assertThat(BackupsFormat.describeJson(s)).contains("\"logStartOffset\" : 1210")
                .contains("\"maxTimestamp\" : null");
    }
}
