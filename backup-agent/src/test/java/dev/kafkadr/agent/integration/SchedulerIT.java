package dev.kafkadr.agent.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkadr.agent.AgentRuntime;
import dev.kafkadr.agent.config.AgentConfig;
import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.manifest.RunManifest;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import dev.kafkadr.testkit.JavaProcess;
import dev.kafkadr.testkit.KafkaTestCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent in service mode: cron fires, runs never overlap, missed runs catch up, metrics, SIGTERM. */
class SchedulerIT {

    static KafkaTestCluster kafka;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        kafka = KafkaTestCluster.start();
        kafka.createTopic("ticks", 2);
        produce(500);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    static void produce(int n) {
        try (KafkaProducer<byte[], byte[]> p = kafka.producer()) {
            for (int i = 0; i < n; i++) {
                p.send(new ProducerRecord<>("ticks", i % 2, null, new byte[300]));
            }
        }
    }

    private static List<RunManifest> runs(Path store, String cluster) {
        ArchiveCatalog c = new ArchiveCatalog(new LocalObjectStore(store, StoreOptions.empty()));
        return c.manifests(cluster);
    }

    @Test
    void a_cron_of_every_two_seconds_fires_twice_without_overlap_and_serves_metrics() throws Exception {
        Path store = dir.resolve("cron");
        AgentConfig cfg = AgentTestSupport.config(kafka.bootstrapServers(), store.toUri().toString(), "sched",
                Map.of(AgentConfig.SCHEDULE_CRON, "*/2 * * * * ?", AgentConfig.SCHEDULE_CATCH_UP, "false",
                        AgentConfig.METRICS_PORT, "0", AgentConfig.METRICS_HOST, "127.0.0.1"));
        try (AgentRuntime agent = new AgentRuntime(cfg, Clock.systemUTC(), "test")) {
            agent.startService();
            await().atMost(Duration.ofSeconds(30)).until(() -> runs(store, "sched").size() >= 2);
            List<RunManifest> runs = runs(store, "sched");
            for (int i = 1; i < runs.size(); i++) {
                assertThat(runs.get(i).startedAt()).as("run %d starts after run %d committed", i, i - 1)
                        .isAfterOrEqualTo(runs.get(i - 1).committedAt());
            }
            HttpClient http = HttpClient.newHttpClient();
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.metricsPort()
                    + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("kdr_backup_runs_total{cluster=\"sched\",result=\"success\"}")
                    .contains("kdr_backup_records_total{cluster=\"sched\",topic=\"ticks\"} 500.0")
                    .contains("kdr_backup_last_success_timestamp_seconds{cluster=\"sched\"}")
                    .contains("kdr_backup_partitions_behind_cut{cluster=\"sched\"}")
                    .contains("kdr_backup_run_duration_seconds");
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + agent.metricsPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"lastRun\":\"success\"");
        }
    }

    @Test
    void a_run_missed_while_the_agent_was_down_runs_once_at_start_up() {
        Path store = dir.resolve("catchup");
        AgentConfig cfg = AgentTestSupport.config(kafka.bootstrapServers(), store.toUri().toString(), "nightly",
                Map.of(AgentConfig.SCHEDULE_CRON, "0 0 2 * * ?"));
        try (AgentRuntime agent = new AgentRuntime(cfg, Clock.systemUTC(), "test")) {
            agent.startService();
            await().atMost(Duration.ofSeconds(30)).until(() -> runs(store, "nightly").size() == 1);
        }
        // a second start finds the newest run after the previous 02:00 fire time: nothing to catch up
        try (AgentRuntime agent = new AgentRuntime(cfg, Clock.systemUTC(), "test")) {
            agent.startService();
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> runs(store, "nightly").size() == 1);
        }
    }

    @Test
    void sigterm_during_a_run_stops_the_agent_without_a_half_commit() throws Exception {
        kafka.createTopic("bulk", 4);
        try (KafkaProducer<byte[], byte[]> p = kafka.producer()) {
            for (int i = 0; i < 150_000; i++) {
                p.send(new ProducerRecord<>("bulk", i % 4, null, new byte[400]));
            }
        }
        Path store = dir.resolve("sigterm");
        Path yaml = Files.writeString(dir.resolve("agent.yaml"), String.join("\n",
                "source: {name: term, bootstrap-servers: '" + kafka.bootstrapServers() + "'}",
                "topics: {include: [bulk]}",
                "store: {uri: '" + store.toUri() + "'}",
                "schedule: {cron: '0 0 2 * * ?'}",
                "backup: {parallelism: 1, segment.max.bytes: 1048576, segment.block.bytes: 65536}",
                "metrics: {port: -1}", ""));
        try (JavaProcess agent = JavaProcess.start("dev.kafkadr.agent.cli.Main", List.of("-Xmx256m"),
                List.of("--config", yaml.toString()), Map.of(), dir.resolve("sigterm.log"))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() ->
                    Files.isDirectory(store.resolve("clusters/term/topics")));
            agent.terminate();
            int code = agent.waitFor(60, TimeUnit.SECONDS);
            assertThat(code).as("exit code after SIGTERM, log " + agent.log()).isNotZero();
            assertThat(Files.readString(agent.log())).contains("cancelled before it committed");
        }
        assertThat(Files.exists(store.resolve("clusters/term/manifests"))).as("no run committed").isFalse();
    }
}
