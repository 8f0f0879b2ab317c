package dev.kafkadr.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.distribution.Processes.Result;
import dev.kafkadr.testkit.KafkaTestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tar.gz that 'mvn package' built, unpacked into a temp dir and run through its launchers: --version, --help,
 * a --once backup against a real Kafka cluster, the launcher's Java/options/symlink handling, the systemd unit
 * verified against it, and the developer launcher scripts/kdr-agent.
 */
class DistributionIT {

    static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    static Path dir;
    static Path home;
    static String version;

    @BeforeAll
    static void unpack() throws IOException {
        version = System.getProperty("kdr.version");
        Path tarball = Path.of(System.getProperty("kdr.distribution.tarball"));
        assertThat(tarball).exists();
        Processes.run(List.of("tar", "-xzf", tarball.toString(), "-C", dir.toString()), Map.of(), TIMEOUT)
                .assertSuccess();
        home = dir.resolve("kafka-dr-" + version);
        assertThat(home).isDirectory();
    }

    static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KDR_OPTS", null);
        env.put("JAVA_OPTS", null);
        env.put("HADOOP_CONF_DIR", null);
        return env;
    }

    static Result agent(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/kdr-agent").toString()));
        cmd.addAll(List.of(args));
        return Processes.run(cmd, env, TIMEOUT);
    }

    @Test
    void the_tarball_has_launchers_one_version_of_every_runtime_jar_and_no_test_jars() throws IOException {
        assertThat(Files.isExecutable(home.resolve("bin/kdr-agent"))).isTrue();
        assertThat(Files.isExecutable(home.resolve("bin/kdr"))).isTrue();
        assertThat(home.resolve("conf")).isDirectoryContaining(p -> p.endsWith("agent.yaml"))
                .isDirectoryContaining(p -> p.endsWith("client.properties"))
                .isDirectoryContaining(p -> p.endsWith("log4j2.xml"));
        assertThat(home.resolve("README.md")).content().contains("kafka-dr " + version);
        assertThat(home.resolve("deploy/systemd/kdr-agent.service")).exists();
        assertThat(home.resolve("docs/agent-configuration.md")).exists();
        List<String> jars;
        try (Stream<Path> s = Files.list(home.resolve("lib"))) {
            jars = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(jars).contains("kdr-backup-agent-" + version + ".jar", "kdr-archive-" + version + ".jar",
                "kafka-clients-4.3.1.jar", "slf4j-api-2.0.17.jar", "log4j-core-2.25.4.jar");
        assertThat(jars).allMatch(j -> j.endsWith(".jar"));
        assertThat(jars.stream().map(j -> j.replaceFirst("-\\d[^-]*(-SNAPSHOT)?(-[a-z]+)?\\.jar$", "")))
                .as("one version per artifact").doesNotHaveDuplicates();
        assertThat(jars).noneMatch(j -> j.startsWith("junit") || j.startsWith("assertj") || j.contains("testkit")
                || j.contains("test-common") || j.startsWith("hadoop-client-minicluster") || j.contains("-tests"));
    }

    @Test
    void version_and_help_work_from_the_unpacked_tarball() {
        Result v = agent(env(), "--version").assertSuccess();
        assertThat(v.out()).startsWith("kafka-dr " + version + " ");
        Result h = agent(env(), "--help").assertSuccess();
        assertThat(h.out()).contains("Usage: kdr-agent").contains("--once").contains("--config=FILE")
                .contains("Exit codes:");
    }

    @Test
    void a_once_run_against_a_real_cluster_commits_into_a_file_store() throws Exception {
        Path store = dir.resolve("archive");
        try (KafkaTestCluster kafka = KafkaTestCluster.start()) {
            kafka.createTopic("orders", 2);
            try (var p = kafka.producer()) {
                for (int i = 0; i < 20; i++) {
                    p.send(new ProducerRecord<>("orders", i % 2, ("k" + i).getBytes(), ("v" + i).getBytes()));
                }
            }
            Path config = Files.writeString(dir.resolve("agent.yaml"), "source:\n  name: it\n  bootstrap-servers: "
                    + kafka.bootstrapServers() + "\nstore:\n  uri: " + store.toUri() + "\nmetrics:\n  port: -1\n");
            Result r = agent(env(), "--once", "--config", config.toString());
            r.assertSuccess();
            assertThat(r.out()).contains("committed: 1 topics, 2 partitions (2 changed), 20 records");
        }
        try (Stream<Path> manifests = Files.list(store.resolve("clusters/it/manifests"))) {
            assertThat(manifests.count()).isEqualTo(1);
        }
    }

    @Test
    void the_launcher_works_through_a_chain_of_symlinks() throws IOException {
        Path links = Files.createDirectories(dir.resolve("links"));
        Path first = Files.createSymbolicLink(links.resolve("kdr-agent"), Path.of("../second"));
        Files.createSymbolicLink(dir.resolve("second"), home.resolve("bin/kdr-agent"));
        Result r = Processes.run(List.of(first.toString(), "--version"), env(), TIMEOUT).assertSuccess();
        assertThat(r.out()).startsWith("kafka-dr " + version);
    }

    @Test
    void kdr_opts_java_opts_hadoop_conf_dir_and_the_log4j2_config_reach_the_jvm() throws IOException {
        Path hadoopConf = Files.createDirectories(dir.resolve("hadoop-conf"));
        Map<String, String> env = env();
        env.put("JAVA_OPTS", "-Dkdr.it.java-opts=yes");
        env.put("KDR_OPTS", "-Xmx77m -XshowSettings:all");
        env.put("HADOOP_CONF_DIR", hadoopConf.toString());
        Result r = agent(env, "--version").assertSuccess();
        assertThat(r.err()).contains("Max. Heap Size: 77.00M").contains("kdr.it.java-opts = yes")
                .contains("log4j2.configurationFile = " + home.resolve("conf/log4j2-agent.xml"))
                .contains(hadoopConf.toString());

        env.put("KDR_OPTS", "-Dlog4j2.configurationFile=/etc/kdr/log4j2.xml -XshowSettings:properties");
        assertThat(agent(env, "--version").assertSuccess().err())
                .contains("log4j2.configurationFile = /etc/kdr/log4j2.xml");
    }

    @Test
    void the_systemd_environment_file_example_is_accepted_by_the_launcher() {
        Map<String, String> env = env();
        for (String line : RepoFiles.read(SystemdUnitTest.ENV).split("\n")) {
            if (line.matches("[A-Z_][A-Z0-9_]*=.*")) {
                env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        assertThat(env.get("KDR_OPTS")).isNotBlank();
        agent(env, "--version").assertSuccess();
    }

    @Test
    void a_missing_or_old_java_is_one_clear_line() throws IOException {
        Map<String, String> env = env();
        env.put("JAVA_HOME", dir.resolve("no-such-jdk").toString());
        Result r = agent(env, "--version");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("kdr-agent: error: JAVA_HOME is '" + dir.resolve("no-such-jdk") + "' but "
                + dir.resolve("no-such-jdk/bin/java") + " is not an executable; point JAVA_HOME at a Java 17+ "
                + "installation\n");

        Path oldJdk = Files.createDirectories(dir.resolve("jdk-11/bin"));
        Files.writeString(oldJdk.getParent().resolve("release"), "JAVA_VERSION=\"11.0.24\"\n");
        Path fakeJava = Files.writeString(oldJdk.resolve("java"), "#!/bin/sh\necho should not run\n");
        assertThat(fakeJava.toFile().setExecutable(true)).isTrue();
        env.put("JAVA_HOME", oldJdk.getParent().toString());
        r = agent(env, "--version");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("kdr-agent: error: " + fakeJava + " is Java 11.0.24; Java 17 or newer is "
                + "needed (set JAVA_HOME)\n");

        env.put("JAVA_HOME", null);
        env.put("PATH", Files.createDirectories(dir.resolve("empty-path")).toString());
        r = Processes.run(List.of("/bin/bash", home.resolve("bin/kdr-agent").toString(), "--version"), env, TIMEOUT);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("kdr-agent: error: java not found: install Java 17 or newer, or set "
                + "JAVA_HOME\n");
    }

    @Test
    void bin_kdr_launches_the_restore_cli_main_class() {
        Result r = Processes.run(List.of(home.resolve("bin/kdr").toString(), "--version"), env(), TIMEOUT);
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.out()).startsWith("kafka-dr ");
        Result help = Processes.run(List.of(home.resolve("bin/kdr").toString(), "--help"), env(), TIMEOUT);
        assertThat(help.exitCode()).as(help.describe()).isZero();
        assertThat(help.out()).contains("backups").contains("verify").contains("restore").contains("mirror")
                .contains("drill");
    }

    @Test
    void systemd_analyze_verifies_the_unit_against_the_unpacked_distribution() throws IOException {
        Path analyze = ExternalTool.require("systemd-analyze", "Debian: apt-get install -y systemd");
        String unit = RepoFiles.read(SystemdUnitTest.UNIT).replace("/opt/kafka-dr", home.toString());
        Path file = Files.writeString(Files.createDirectories(dir.resolve("systemd")).resolve("kdr-agent.service"),
                unit);
        Result r = Processes.run(List.of(analyze.toString(), "verify", file.toString()), Map.of(), TIMEOUT);
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.out() + r.err()).as("warnings of systemd-analyze verify").isEmpty();
    }

    @Test
    void the_developer_launcher_runs_the_agent_from_the_build_output() {
        Result r = Processes.run(List.of(RepoFiles.path("scripts/kdr-agent").toString(), "--version"), env(),
                TIMEOUT).assertSuccess();
        assertThat(r.out()).startsWith("kafka-dr " + version);
    }

    @AfterAll
    static void nothing_left_running() {
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count()).isZero();
    }
}
