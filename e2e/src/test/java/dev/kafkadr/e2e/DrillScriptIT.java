package dev.kafkadr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkadr.testkit.KafkaTestCluster;
import dev.kafkadr.testkit.RichCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/dr-drill.sh end to end against two local clusters: backup, restore under a prefix, check, report. */
class DrillScriptIT {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static KafkaTestCluster source;
    static KafkaTestCluster drill;
    static RichCorpus corpus;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        source = KafkaTestCluster.start();
        drill = KafkaTestCluster.start();
        corpus = new RichCorpus(source, "").create(1);
    }

    @AfterAll
    static void stop() {
        source.close();
        drill.close();
    }

    @Test
    void the_drill_backs_up_restores_under_a_prefix_checks_every_partition_and_reports_rpo_and_rto()
            throws Exception {
        Path report = dir.resolve("report");
        Path log = dir.resolve("drill.log");
        Process p = new ProcessBuilder(REPO.resolve("scripts/dr-drill.sh").toString(), "--backup",
                "--source-bootstrap", source.bootstrapServers(), "--cluster", "prod", "--store",
                dir.resolve("archive").toUri().toString(), "--drill-bootstrap", drill.bootstrapServers(),
                "--report-dir", report.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();

        JsonNode json = new ObjectMapper().readTree(report.resolve("drill-report.json").toFile());
        assertThat(json.get("result").asText()).isEqualTo("PASS");
        JsonNode r = json.get("report");
        assertThat(r.get("rpoSeconds").asLong()).isBetween(0L, 120L);
        assertThat(r.get("rtoSeconds").asDouble()).isPositive();
        assertThat(r.get("topics")).hasSize(4);
        assertThat(r.get("records").asLong()).isPositive();
        assertThat(Files.readString(report.resolve("drill-report.md"))).contains("# DR drill report: PASS")
                .contains("**RPO**").contains("**RTO**").contains("| orders | drill-orders | 12 |");

        try (Admin admin = drill.admin()) {
            assertThat(admin.listTopics().names().get()).containsAll(corpus.topics().stream()
                    .map(t -> "drill-" + t).toList());
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(corpus.group())
                    .partitionsToOffsetAndMetadata().get();
            assertThat(offsets.keySet()).extracting(TopicPartition::topic).allMatch(t -> t.startsWith("drill-"));
            assertThat(offsets).isNotEmpty();
        }
    }

    @Test
    void a_drill_without_its_required_arguments_is_a_one_line_usage_error() throws Exception {
        Process p = new ProcessBuilder(REPO.resolve("scripts/dr-drill.sh").toString(), "--store", "file:///x")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out.strip()).isEqualTo("dr-drill: error: --drill-bootstrap is required (see --help)");
        assertThat(List.of(out.split("\n"))).hasSize(1);
    }
}
