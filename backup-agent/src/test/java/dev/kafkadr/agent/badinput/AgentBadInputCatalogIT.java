package dev.kafkadr.agent.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.agent.cli.AgentCommand;
import dev.kafkadr.cli.Cli;
import dev.kafkadr.testkit.CommandContext;
import dev.kafkadr.testkit.CommandResult;
import dev.kafkadr.testkit.KafkaTestCluster;
import dev.kafkadr.testkit.MiniHdfs;
import dev.kafkadr.testkit.S3MockServer;
import dev.kafkadr.testkit.badinput.BadInputCase;
import dev.kafkadr.testkit.badinput.BadInputCatalog;
import dev.kafkadr.testkit.badinput.SizeLimitedDir;
import dev.kafkadr.testkit.badinput.UntrustedTlsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kdr-agent part of the bad-input catalogue (docs/bad-input.md), against real services: a SASL_PLAINTEXT Kafka
 * cluster with an authorizer, S3Mock, an HDFS with permissions, a TLS endpoint with an untrusted certificate and a
 * size-limited tmpfs. Every case asserts its exit code, one stderr line naming the thing and the fix, no stack trace,
 * and no commit; a control run with good input on the same setup commits (this replaces the old AgentCliIT). The
 * table in the docs is generated from {@link #cases()}.
 */
class AgentBadInputCatalogIT {

    static final Path DOC = Path.of("../docs/bad-input.md");

    @TempDir
    static Path dir;
    static KafkaTestCluster kafka;
    static S3MockServer s3;
    static MiniHdfs hdfs;
    static UntrustedTlsServer tls;
    static SizeLimitedDir.Attempt full;
    static Path admin;
    static Path wrongPassword;
    static Path user1;
    static Path plain;
    static Path ssl;

    final CommandContext agent = new CommandContext(() -> Cli.commandLine(new AgentCommand()));
    final BadInputCatalog catalog = new BadInputCatalog();

    @BeforeAll
    static void start() throws Exception {
        long t0 = System.nanoTime();
        kafka = KafkaTestCluster.builder().saslPlain().start();
        kafka.createTopic("orders", 3);
        kafka.createTopic("bulk", 1);
        Random random = new Random(8);
        try (KafkaProducer<byte[], byte[]> p = kafka.producer()) {
            for (int i = 0; i < 30; i++) {
                p.send(new ProducerRecord<>("orders", i % 3, null, ("v" + i).getBytes()));
            }
            for (int i = 0; i < 64; i++) {
                byte[] value = new byte[8192];
                random.nextBytes(value);
                p.send(new ProducerRecord<>("bulk", 0, null, value));
            }
        }
        admin = properties("admin.properties", KafkaTestCluster.saslPlainClientProperties(
                KafkaTestCluster.SASL_ADMIN_USER, KafkaTestCluster.SASL_ADMIN_PASSWORD));
        wrongPassword = properties("wrong.properties", KafkaTestCluster.saslPlainClientProperties(
                KafkaTestCluster.SASL_ADMIN_USER, "not-the-password"));
        user1 = properties("user1.properties", KafkaTestCluster.saslPlainClientProperties(
                KafkaTestCluster.SASL_USER, KafkaTestCluster.SASL_USER_PASSWORD));
        plain = properties("plain.properties", Map.of());
        ssl = properties("ssl.properties", Map.of("security.protocol", "SSL"));
        long t1 = System.nanoTime();
        s3 = S3MockServer.shared();
        long t2 = System.nanoTime();
        hdfs = MiniHdfs.start(dir.resolve("hdfs"));
        long t3 = System.nanoTime();
        tls = UntrustedTlsServer.start(dir);
        full = SizeLimitedDir.tryMount(dir.resolve("full"), 128 * 1024);
        System.out.printf("AgentBadInputCatalogIT setup: kafka+data %.1f s, S3Mock %.1f s, HDFS %.1f s, TLS+tmpfs %.1f s%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (System.nanoTime() - t3) / 1e9);
    }

    @AfterAll
    static void stop() {
        if (full != null && full.dir() != null) {
            full.dir().close();
        }
        if (tls != null) {
            tls.close();
        }
        if (hdfs != null) {
            hdfs.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    static Path properties(String name, Map<String, ?> props) throws IOException {
        return Files.writeString(dir.resolve(name), props.entrySet().stream().map(e -> e.getKey() + "="
                + e.getValue()).collect(Collectors.joining("\n")) + "\n" + (props.isEmpty()
                ? "default.api.timeout.ms=2000\nrequest.timeout.ms=1500\n"  // the unreachable-broker cases wait this long
                : "default.api.timeout.ms=20000\nrequest.timeout.ms=10000\n"));
    }

    static Path yaml(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String store(String name) {
        return dir.resolve(name).toUri().toString();
    }

    /** Nothing at all was created under the local store directory. */
    static Runnable noStore(String name) {
        return () -> assertThat(dir.resolve(name)).doesNotExist();
    }

    /** No run manifest (the commit point) exists in the local store. */
    static Runnable noCommit(Path root) {
        return () -> {
            Path manifests = root.resolve("clusters/prod/manifests");
            if (Files.isDirectory(manifests)) {
                try (Stream<Path> s = Files.list(manifests)) {
                    assertThat(s.toList()).as("manifests in " + manifests).isEmpty();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    CommandResult once(String storeUri, Path commandConfig, String... more) {
        List<String> args = new ArrayList<>(List.of("--once", "--bootstrap-server", kafka.bootstrapServers(),
                "--command-config", commandConfig.toString(), "--store", storeUri, "--cluster-name", "prod",
                "--set", "metrics.port=-1"));
        args.addAll(List.of(more));
        return agent.run(args.toArray(String[]::new));
    }

    static final String GOOD_BASE = "source:\n  name: prod\n  bootstrap-servers: 127.0.0.1:9092\nstore:\n"
            + "  uri: file:///tmp/kdr-never-written\n";

    List<BadInputCase> cases() {
        catalog.bind("<dir>", dir.toString());
        String bootstrap = kafka.bootstrapServers();
        catalog.bind("<bootstrap>", bootstrap);
        catalog.bind("<tls>", tls.hostPort());
        catalog.bind("<s3>", s3.endpoint().toString());
        catalog.bind("<hdfs>", hdfs.uri().toString());
        List<BadInputCase> cases = new ArrayList<>();
        cases.add(BadInputCase.of("A01", "malformed YAML")
                .command("kdr-agent --config <dir>/broken.yaml").exit(2)
                .message("kdr-agent: error: config <dir>/broken.yaml is not valid YAML at line 4, column 6 (expected ','"
                        + " or ']', but got :): fix the syntax there (indentation, quotes, brackets)")
                .names("<dir>/broken.yaml").fix("fix the syntax there").nothingWritten(noStore("never"))
                .run(() -> agent.run("--config", yaml("broken.yaml", "source:\n  name: prod\n"
                        + "  bootstrap-servers: [a\nstore: {uri: file:///x}\n").toString())));
        cases.add(BadInputCase.of("A02", "unknown key (misspelt)")
                .command("kdr-agent --config <dir>/typo.yaml").exit(2)
                .message("kdr-agent: error: config <dir>/typo.yaml: unknown key 'source.nmae'; did you mean"
                        + " 'source.name'? (see docs/agent-configuration.md)")
                .names("'source.nmae'").fix("did you mean 'source.name'?").nothingWritten(noStore("never"))
                .run(() -> agent.run("--config", yaml("typo.yaml", GOOD_BASE.replace("name: prod", "nmae: prod"))
                        .toString())));
        cases.add(BadInputCase.of("A03", "unknown key given with --set")
                .command("kdr-agent --config <dir>/good.yaml --set backup.paralelism=4").exit(2)
                .message("kdr-agent: error: config <dir>/good.yaml: unknown key 'backup.paralelism'; did you mean"
                        + " 'backup.parallelism'? (see docs/agent-configuration.md)")
                .names("'backup.paralelism'").fix("did you mean 'backup.parallelism'?")
                .nothingWritten(noStore("never"))
                .run(() -> agent.run("--config", yaml("good.yaml", GOOD_BASE).toString(), "--set",
                        "backup.paralelism=4")));
        cases.add(BadInputCase.of("A04", "bad regex in topics.include")
                .command("kdr-agent --config <dir>/good.yaml --topics 'orders['").exit(2)
                .message("kdr-agent: error: config <dir>/good.yaml: Invalid value orders[ for configuration topics.include:"
                        + " not a valid regular expression (Unclosed character class near index 6); write a Java"
                        + " regex that matches whole names, e.g. orders\\..* (escape . [ ( with a backslash)")
                .names("topics.include").fix("write a Java regex that matches whole names").nothingWritten(noStore("never"))
                .run(() -> agent.run("--config", yaml("good.yaml", GOOD_BASE).toString(), "--topics", "orders[")));
        cases.add(BadInputCase.of("A05", "bad cron expression")
                .command("kdr-agent --config <dir>/cron.yaml  # schedule.cron: '0 0 25 * * ?'").exit(2)
                .message("kdr-agent: error: config <dir>/cron.yaml: Invalid value 0 0 25 * * ? for configuration"
                        + " schedule.cron: not a valid Quartz cron expression (Hour values must be between 0 and 23);"
                        + " Quartz cron has 6 or 7 fields: sec min hour day-of-month month day-of-week [year], e.g."
                        + " \"0 0 2 * * ?\"")
                .names("schedule.cron").fix("Quartz cron has 6 or 7 fields").nothingWritten(noStore("never"))
                .run(() -> agent.run("--config", yaml("cron.yaml", GOOD_BASE + "schedule:\n  cron: '0 0 25 * * ?'\n")
                        .toString())));
        cases.add(BadInputCase.of("A06", "cron with five fields (Unix style)")
                .command("kdr-agent --config <dir>/cron5.yaml  # schedule.cron: '0 2 * * *'").exit(2)
                .message("kdr-agent: error: config <dir>/cron5.yaml: Invalid value 0 2 * * * for configuration"
                        + " schedule.cron: not a valid Quartz cron expression (Unexpected end of expression.);"
                        + " Quartz cron has 6 or 7 fields: sec min hour day-of-month month day-of-week [year], e.g."
                        + " \"0 0 2 * * ?\"")
                .names("schedule.cron").fix("Quartz cron has 6 or 7 fields").nothingWritten(noStore("never"))
                .run(() -> agent.run("--config", yaml("cron5.yaml", GOOD_BASE + "schedule:\n  cron: '0 2 * * *'\n")
                        .toString())));
        cases.add(BadInputCase.of("A07", "unsupported store URI")
                .command("kdr-agent --config <dir>/good.yaml --store ftp://backup/x").exit(2)
                .message("kdr-agent: error: config <dir>/good.yaml: Invalid value ftp://backup/x for configuration store.uri:"
                        + " unsupported store URI scheme 'ftp' in ftp://backup/x: expected file, s3 or hdfs")
                .names("store.uri").fix("expected file, s3 or hdfs").nothingWritten(noStore("never"))
                .run(() -> agent.run("--config", yaml("good.yaml", GOOD_BASE).toString(), "--store",
                        "ftp://backup/x")));
        cases.add(BadInputCase.of("A08", "config file missing")
                .command("kdr-agent --config <dir>/nope.yaml").exit(2)
                .message("kdr-agent: error: config <dir>/nope.yaml does not exist or is not a file")
                .names("<dir>/nope.yaml").fix("does not exist").nothingWritten(noStore("never"))
                .run(() -> agent.run("--config", dir.resolve("nope.yaml").toString())));
        cases.add(BadInputCase.of("A09", "${env:NAME} not set")
                .command("kdr-agent --config <dir>/env.yaml  # bootstrap-servers: ${env:KDR_NO_SUCH_VAR}").exit(2)
                .message("kdr-agent: error: config <dir>/env.yaml: source.bootstrap-servers refers to environment"
                        + " variable KDR_NO_SUCH_VAR, which is not set")
                .names("KDR_NO_SUCH_VAR").fix("which is not set").nothingWritten(noStore("never"))
                .run(() -> agent.run("--config", yaml("env.yaml", GOOD_BASE.replace("127.0.0.1:9092",
                        "${env:KDR_NO_SUCH_VAR}")).toString())));
        cases.add(BadInputCase.of("A10", "missing --command-config file")
                .command("kdr-agent --once … --command-config <dir>/missing.properties").exit(2)
                .message("kdr-agent: error: command config file <dir>/missing.properties does not exist or is not a"
                        + " file")
                .names("<dir>/missing.properties").fix("does not exist or is not a file").nothingWritten(noStore("a10"))
                .run(() -> once(store("a10"), dir.resolve("missing.properties"))));
        cases.add(BadInputCase.of("A11", "service mode without a schedule")
                .command("kdr-agent --bootstrap-server <bootstrap> --store file:///…").exit(2)
                .message("kdr-agent: error: schedule.cron is not set: give a Quartz cron expression in the config,"
                        + " or use --once")
                .names("schedule.cron").fix("give a Quartz cron expression in the config, or use --once")
                .nothingWritten(noStore("a11"))
                .run(() -> agent.run("--bootstrap-server", kafka.bootstrapServers(), "--store", store("a11"),
                        "--set", "metrics.port=-1")));
        cases.add(BadInputCase.of("A12", "unreachable broker")
                .command("kdr-agent --once --bootstrap-server 127.0.0.1:1 --store file:///…").exit(5)
                .message("kdr-agent: error: Kafka at 127.0.0.1:1 did not answer while trying to back up cluster prod"
                        + " (<client-message>): check --bootstrap-server, the network, and the security.protocol in"
                        + " --command-config")
                .names("127.0.0.1:1").fix("check --bootstrap-server, the network, and the security.protocol in"
                        + " --command-config").nothingWritten(noCommit(dir.resolve("a12")))
                .run(() -> agent.run("--once", "--bootstrap-server", "127.0.0.1:1", "--command-config",
                        plain.toString(), "--store", store("a12"), "--cluster-name", "prod")));
        cases.add(BadInputCase.of("A13", "wrong SASL password")
                .command("kdr-agent --once --bootstrap-server <bootstrap> --command-config wrong.properties …").exit(6)
                .message("kdr-agent: error: authentication to <bootstrap> failed while trying to back up cluster prod:"
                        + " Authentication failed: Invalid username or password: check the SASL mechanism, user name"
                        + " and password in --command-config")
                .names("<bootstrap>").fix("check the SASL mechanism, user name and password in --command-config")
                .nothingWritten(noCommit(dir.resolve("a13")))
                .run(() -> once(store("a13"), wrongPassword)));
        cases.add(BadInputCase.of("A14", "principal without the agent's ACLs")
                .command("kdr-agent --once --bootstrap-server <bootstrap> --command-config user1.properties …")
                .exit(4)
                .message("kdr-agent: error: topics.include [orders] (exclude []) matches no topic of cluster prod at"
                        + " <bootstrap> (0 topics exist); nothing was committed; the principal sees no topic at all,"
                        + " which usually means it lacks DESCRIBE/READ ACLs (docs/operations.md): check"
                        + " topics.include / --topics (whole-name Java regexes) against 'kafka-topics --list'")
                .names("[orders]").fix("lacks DESCRIBE/READ ACLs (docs/operations.md)")
                .nothingWritten(noCommit(dir.resolve("a14")))
                .run(() -> once(store("a14"), user1, "--topics", "orders")));
        cases.add(BadInputCase.of("A15", "TLS: broker certificate not trusted")
                .command("kdr-agent --once --bootstrap-server <tls> --command-config ssl.properties …").exit(6)
                .message("kdr-agent: error: TLS handshake with <tls> failed while trying to back up cluster prod:"
                        + " the broker's certificate is not trusted (<jdk-message>): check that ssl.truststore.location in"
                        + " --command-config holds the CA that signed the broker's certificate (and ssl.truststore.type/password)")
                .names("<tls>").fix("check that ssl.truststore.location in --command-config holds the CA")
                .nothingWritten(noCommit(dir.resolve("a15")))
                .run(() -> agent.run("--once", "--bootstrap-server", tls.hostPort(), "--command-config",
                        ssl.toString(), "--store", store("a15"), "--cluster-name", "prod")));
        cases.add(BadInputCase.of("A16", "no topic matches the selection")
                .command("kdr-agent --once … --topics 'ordrs.*'").exit(4)
                .message("kdr-agent: error: topics.include [ordrs.*] (exclude []) matches no topic of cluster prod at"
                        + " <bootstrap> (<n> topics exist); nothing was committed: check topics.include / --topics"
                        + " (whole-name Java regexes) against 'kafka-topics --list'")
                .names("[ordrs.*]").fix("check topics.include / --topics").nothingWritten(noCommit(dir.resolve("a16")))
                .run(() -> once(store("a16"), admin, "--topics", "ordrs.*")));
        cases.add(BadInputCase.of("A17", "S3 bucket does not exist")
                .command("kdr-agent --once … --store s3://kdr-no-such-bucket/prod").exit(4)
                .message("kdr-agent: error: s3://kdr-no-such-bucket/prod/clusters/prod/<key>: could not <operation>: bucket"
                        + " 'kdr-no-such-bucket' does not exist: create it or correct the bucket in the store URI")
                .names("'kdr-no-such-bucket'").fix("create it or correct the bucket in the store URI")
                .run(() -> once("s3://kdr-no-such-bucket/prod", admin, "--topics", "orders",
                        "--set", "store.s3.endpoint=" + s3.endpoint(), "--set", "store.s3.path-style-access=true",
                        "--set", "store.s3.region=" + S3MockServer.REGION,
                        "--set", "store.s3.access-key-id=" + S3MockServer.ACCESS_KEY,
                        "--set", "store.s3.secret-access-key=" + S3MockServer.SECRET_KEY)));
        cases.add(BadInputCase.of("A18", "store access denied (HDFS permissions, user without write access)")
                .command("HADOOP_USER_NAME=alice kdr-agent --once … --store <hdfs>/locked/archive").exit(6)
                .message("kdr-agent: error: <hdfs>/locked/archive/clusters/prod/topics/orders/<key>: could not start writing:"
                        + " permission denied (Permission denied: user=alice, access=WRITE,"
                        + " inode=\"/\":<owner>:supergroup:drwxr-xr-x): give this user access to the path (hdfs dfs"
                        + " -chown/-chmod) or choose another path")
                .names("user=alice, access=WRITE").fix("give this user access to the path")
                .nothingWritten(() -> assertThat(hdfsExists("/locked")).isFalse())
                .run(() -> asHdfsUser("alice", () -> once(hdfs.uri() + "/locked/archive", admin, "--topics",
                        "orders"))));
        cases.add(BadInputCase.of("A19", "store is not a directory")
                .command("kdr-agent --once … --store file://<dir>/a-file/archive").exit(5)
                .message("kdr-agent: error: file://<dir>/a-file/archive/clusters/prod/topics/orders/<key>: could not start"
                        + " writing: <dir>/a-file/archive: Not a directory: check that the store path is a writable"
                        + " directory")
                .names("<dir>/a-file/archive").fix("check that the store path is a writable directory")
                .nothingWritten(() -> assertThat(dir.resolve("a-file")).isRegularFile())
                .run(() -> {
                    yaml("a-file", "x");
                    return once(store("a-file/archive"), admin, "--topics", "orders");
                }));
        cases.add(BadInputCase.of("A20", "disk full on the local store (size-limited tmpfs)")
                .command("kdr-agent --once … --store file://<dir>/full/archive  # 128 KiB filesystem").exit(5)
                .message("kdr-agent: error: file://<dir>/full/archive/clusters/prod/topics/bulk/0/segments/<segment>: could not"
                        + " write: no space left on the device that holds <dir>/full/archive: free space there or"
                        + " point the store at a larger volume")
                .names("no space left on the device that holds <dir>/full/archive")
                .fix("free space there or point the store at a larger volume")
                .nothingWritten(noCommit(dir.resolve("full/archive")))
                .run(() -> {
                    Assumptions.assumeTrue(full.failure() == null, "disk-full case needs a tmpfs mount (root or"
                            + " password-less sudo): " + full.failure());
                    return once(store("full/archive"), admin, "--topics", "bulk");
                }));
        return cases;
    }

    static CommandResult asHdfsUser(String user, java.util.function.Supplier<CommandResult> run) {
        try {
            return UserGroupInformation.createRemoteUser(user).doAs((PrivilegedExceptionAction<CommandResult>) run::get);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean hdfsExists(String path) {
        try (org.apache.hadoop.fs.FileSystem fs = org.apache.hadoop.fs.FileSystem.newInstance(hdfs.uri(),
                hdfs.configuration())) {
            return fs.exists(new org.apache.hadoop.fs.Path(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> every_bad_input_is_one_line_with_its_exit_code_and_writes_nothing() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.id() + " " + c.situation(), () -> catalog.check(c)));
    }

    @Test
    void the_same_setup_with_good_input_commits_a_run() throws IOException {
        CommandResult r = once(store("good"), admin, "--topics", "ord.*");
        r.assertSuccess();
        assertThat(r.out()).contains("committed: 1 topics, 3 partitions (3 changed), 30 records");
        try (Stream<Path> manifests = Files.list(dir.resolve("good/clusters/prod/manifests"))) {
            List<Path> all = manifests.toList();
            assertThat(all).hasSize(1);
            assertThat(Files.readString(all.get(0))).doesNotContain(KafkaTestCluster.SASL_ADMIN_PASSWORD);
        }
    }

    @Test
    void with_v_the_same_failures_print_their_stack_trace() {
        BadInputCatalog.checkVerbose(agent.run("-v", "--config", yaml("good.yaml", GOOD_BASE).toString(), "--topics",
                "orders["), 2);
        BadInputCatalog.checkVerbose(agent.run("-v", "--once", "--bootstrap-server", kafka.bootstrapServers(),
                "--command-config", wrongPassword.toString(), "--store", store("verbose"), "--cluster-name", "prod"),
                6);
        noCommit(dir.resolve("verbose")).run();
    }

    @Test
    void the_catalogue_in_the_docs_is_generated_from_these_cases() {
        BadInputCatalog.syncDoc(DOC, "kdr-agent", BadInputCatalog.table(cases()), "run mvn -B -o verify -pl "
                + "backup-agent -am -Dit.test=AgentBadInputCatalogIT -Dkdr.docs.update=true");
    }
}
