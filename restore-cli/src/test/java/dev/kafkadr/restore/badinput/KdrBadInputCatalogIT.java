package dev.kafkadr.restore.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.restore.cli.Main;
import dev.kafkadr.restore.testing.ArchivedCorpus;
import dev.kafkadr.restore.testing.TargetAssert;
import dev.kafkadr.testkit.CommandContext;
import dev.kafkadr.testkit.CommandResult;
import dev.kafkadr.testkit.KafkaTestCluster;
import dev.kafkadr.testkit.badinput.BadInputCase;
import dev.kafkadr.testkit.badinput.BadInputCatalog;
import dev.kafkadr.testkit.badinput.UntrustedTlsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kdr part of the bad-input catalogue (docs/bad-input.md), against a real SASL_PLAINTEXT
 * Kafka cluster with an authorizer, an untrusted TLS endpoint and damaged copies of a real archive (the S3 bucket
 * case is A17 of the agent catalogue: same store code, and it spares this module an S3Mock start). Every
 * case asserts its exit code, one stderr line naming the thing and the fix, no stack trace, and that nothing was
 * written: the archive is byte-for-byte unchanged, the target cluster has no new topic, no output directory exists.
 * The table in the docs is generated from {@link #kdrCases()}; the kdr mirror cases are in
 * {@link MirrorBadInputCatalogTest}.
 */
class KdrBadInputCatalogIT {

    static final Path DOC = Path.of("../docs/bad-input.md");
    static final String UPDATE = "run mvn -B -o verify -pl restore-cli -am -Dit.test=KdrBadInputCatalogIT"
            + " -Dkdr.docs.update=true";

    @TempDir
    static Path dir;
    static ArchivedCorpus corpus;
    static KafkaTestCluster kafka;
    static UntrustedTlsServer tls;
    static Set<String> baselineTopics;
    static Path admin;
    static Path wrongPassword;
    static Path user1;
    static Path plain;
    static Path ssl;

    final CommandContext kdr = new CommandContext(Main::commandLine);
    final BadInputCatalog catalog = new BadInputCatalog();

    @BeforeAll
    static void start() throws Exception {
        long t0 = System.nanoTime();
        corpus = ArchivedCorpus.writeTo(dir.resolve("archive"));
        long t1 = System.nanoTime();
        kafka = KafkaTestCluster.builder().saslPlain().start();
        long t2 = System.nanoTime();
        tls = UntrustedTlsServer.start(dir);
        admin = properties("admin.properties", KafkaTestCluster.saslPlainClientProperties(
                KafkaTestCluster.SASL_ADMIN_USER, KafkaTestCluster.SASL_ADMIN_PASSWORD));
        wrongPassword = properties("wrong.properties", KafkaTestCluster.saslPlainClientProperties(
                KafkaTestCluster.SASL_ADMIN_USER, "not-the-password"));
        user1 = properties("user1.properties", KafkaTestCluster.saslPlainClientProperties(
                KafkaTestCluster.SASL_USER, KafkaTestCluster.SASL_USER_PASSWORD));
        plain = properties("plain.properties", Map.of());
        ssl = properties("ssl.properties", Map.of("security.protocol", "SSL"));
        Files.createDirectories(dir.resolve("empty"));
        DamagedArchives.write(dir, corpus);
        try (Admin a = kafka.admin()) {
            baselineTopics = TargetAssert.topics(a);
        }
        System.out.printf("KdrBadInputCatalogIT setup: archive %.1f s, kafka %.1f s, TLS+copies %.1f s%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9);
    }

    @AfterAll
    static void stop() {
        if (tls != null) {
            tls.close();
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

    static String store(String name) {
        return dir.resolve(name).toUri().toString();
    }

    /** The relative path, size and modification time of every file under {@code root}. */
    static List<String> listing(Path root) {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> {
                try {
                    return root.relativize(p) + " " + Files.size(p) + " " + Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Nothing written: the store's files are unchanged and the target cluster has exactly its original topics. */
    static Runnable unchanged(String storeName) {
        List<String> before = listing(dir.resolve(storeName));
        return () -> {
            assertThat(listing(dir.resolve(storeName))).as("files of " + storeName).isEqualTo(before);
            try (Admin a = kafka.admin()) {
                assertThat(TargetAssert.topics(a)).as("topics on the target").isEqualTo(baselineTopics);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /**
     * A bit flip inside a block is found only when that block is read, after the target topic was created: the
     * topic exists but holds no record; it is deleted so the next cases start from the same target.
     */
    static void emptyThenDelete(String topic, Runnable storeUnchanged) {
        try (Admin a = kafka.admin()) {
            assertThat(kafka.readAll(topic, "read_uncommitted").values()).allSatisfy(p -> assertThat(p).isEmpty());
            a.deleteTopics(List.of(topic)).all().get();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> !TargetAssert.topics(a).contains(topic));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        storeUnchanged.run();
    }

    CommandResult restore(String storeName, Path commandConfig, String... more) {
        List<String> args = new ArrayList<>(List.of("restore", "topics", "--store", store(storeName),
                "--bootstrap-server", kafka.bootstrapServers(), "--command-config", commandConfig.toString()));
        args.addAll(List.of(more));
        return kdr.run(args.toArray(String[]::new));
    }

    void bindAll() {
        catalog.bind("<dir>", dir.toString());
        catalog.bind("<bootstrap>", kafka.bootstrapServers());
        catalog.bind("<tls>", tls.hostPort());
        catalog.bind("<run1>", corpus.run1);
        catalog.bind("<run2>", corpus.run2);
    }

    List<BadInputCase> kdrCases() {
        bindAll();
        List<BadInputCase> cases = new ArrayList<>();
        cases.add(BadInputCase.of("K01", "empty archive (nothing under the store)")
                .command("kdr backups list --store file://<dir>/empty").exit(4)
                .message("kdr: error: no kafka-dr archive at file://<dir>/empty/: the store holds nothing under clusters/: check"
                        + " --store (and --store-option for S3)")
                .names("file://<dir>/empty/").fix("check --store (and --store-option for S3)")
                .nothingWritten(unchanged("empty"))
                .run(() -> kdr.run("backups", "list", "--store", store("empty"))));
        cases.add(BadInputCase.of("K02", "store that does not exist")
                .command("kdr restore topics --store file://<dir>/nope --bootstrap-server <bootstrap> …").exit(4)
                .message("kdr: error: no kafka-dr archive at file://<dir>/nope: the store holds nothing under clusters/: check"
                        + " --store (and --store-option for S3)")
                .names("file://<dir>/nope").fix("check --store (and --store-option for S3)")
                .nothingWritten(unchanged("nope"))
                .run(() -> restore("nope", admin)));
        cases.add(BadInputCase.of("K03", "unsupported store URI scheme")
                .command("kdr verify --store ftp://host/x").exit(2)
                .message("kdr: error: unsupported store URI scheme 'ftp' in ftp://host/x: expected file, s3 or hdfs")
                .names("'ftp'").fix("expected file, s3 or hdfs")
                .run(() -> kdr.run("verify", "--store", "ftp://host/x")));
        cases.add(BadInputCase.of("K04", "S3 store URI without a bucket")
                .command("kdr backups list --store s3:///prod").exit(2)
                .message("kdr: error: store URI 's3:///prod' must name a bucket: s3://bucket/prefix")
                .names("'s3:///prod'").fix("must name a bucket: s3://bucket/prefix")
                .run(() -> kdr.run("backups", "list", "--store", "s3:///prod")));
        cases.add(BadInputCase.of("K05", "unknown store option")
                .command("kdr verify --store file://<dir>/archive --store-option s3.colour=blue").exit(2)
                .message("kdr: error: unknown store option 's3.colour': expected one of [local.fsync, s3.access-key-id, <more-options>]"
                        + " or hdfs.conf.<hadoop key>")
                .names("'s3.colour'").fix("expected one of")
                .nothingWritten(unchanged("archive"))
                .run(() -> kdr.run("verify", "--store", store("archive"), "--store-option", "s3.colour=blue")));
        cases.add(BadInputCase.of("K06", "store with backups of several clusters, no --cluster")
                .command("kdr restore topics --store file://<dir>/two-clusters --bootstrap-server <bootstrap> …")
                .exit(2)
                .message("kdr: error: the store holds backups of several clusters [prod, staging]: choose one with"
                        + " --cluster")
                .names("[prod, staging]").fix("choose one with --cluster")
                .nothingWritten(unchanged("two-clusters"))
                .run(() -> restore("two-clusters", admin)));
        cases.add(BadInputCase.of("K07", "no backup of the named cluster")
                .command("kdr restore topics --store file://<dir>/archive --cluster staging …").exit(4)
                .message("kdr: error: no committed backup of cluster 'staging' in file://<dir>/archive/ (clusters with backups:"
                        + " [prod]): run 'kdr backups list --store URI' to see what the store holds")
                .names("'staging'").fix("run 'kdr backups list --store URI' to see what the store holds")
                .nothingWritten(unchanged("archive"))
                .run(() -> restore("archive", admin, "--cluster", "staging")));
        cases.add(BadInputCase.of("K08", "unknown topic")
                .command("kdr restore topics --store file://<dir>/archive --topics payments …").exit(4)
                .message("kdr: error: no archived topic matches --topics 'payments' in cluster 'prod' as of run <run2>"
                        + " (archived topics: [audit, compacted, orders, retained, txn]): run 'kdr backups list' and"
                        + " 'kdr backups describe'")
                .names("--topics 'payments'").fix("run 'kdr backups list' and 'kdr backups describe'")
                .nothingWritten(unchanged("archive"))
                .run(() -> restore("archive", admin, "--topics", "payments")));
        cases.add(BadInputCase.of("K09", "unknown consumer group")
                .command("kdr restore offsets --store file://<dir>/archive --groups 'billing.*' …").exit(4)
                .message("kdr: error: no archived consumer group matches --groups 'billing.*' in run <run2> (archived groups:"
                        + " [g-compact, g-end, g-ghost, g-retained, g-txn]): check --groups; it must match the whole"
                        + " group id")
                .names("--groups 'billing.*'").fix("check --groups; it must match the whole group id")
                .nothingWritten(unchanged("archive"))
                .run(() -> kdr.run("restore", "offsets", "--store", store("archive"), "--bootstrap-server",
                        kafka.bootstrapServers(), "--command-config", admin.toString(), "--groups", "billing.*")));
        cases.add(BadInputCase.of("K10", "unknown run")
                .command("kdr restore topics --store file://<dir>/archive --run 20200101T000000000Z-00000000 …")
                .exit(4)
                .message("kdr: error: run '20200101T000000000Z-00000000' is not a committed run of cluster 'prod' (runs <run1> …"
                        + " <run2>, 2 in all): run 'kdr backups list --store URI' to see what the store holds")
                .names("run '20200101T000000000Z-00000000'").fix("run 'kdr backups list --store URI' to see what the store holds")
                .nothingWritten(unchanged("archive"))
                .run(() -> restore("archive", admin, "--run", "20200101T000000000Z-00000000")));
        cases.add(BadInputCase.of("K11", "--to-time before the first backup")
                .command("kdr restore topics --store file://<dir>/archive --to-time 2001-01-01T00:00:00Z …").exit(4)
                .message("kdr: error: --to-time 2001-01-01T00:00:00Z is before the first backup: the earliest archived record of"
                        + " the selected topics has timestamp <timestamp>: choose a --to-time at or after it")
                .names("--to-time 2001-01-01T00:00:00Z").fix("choose a --to-time at or after it")
                .nothingWritten(unchanged("archive"))
                .run(() -> restore("archive", admin, "--to-time", "2001-01-01T00:00:00Z")));
        cases.add(BadInputCase.of("K12", "--to-time that is not a time")
                .command("kdr restore topics --store file://<dir>/archive --to-time yesterday …").exit(2)
                .message("kdr: error: Invalid value for option '--to-time': must be an ISO-8601 time with a zone, e.g."
                        + " 2026-11-27T02:00:00Z or 2026-11-27T03:00:00+01:00, but was 'yesterday' (see 'kdr restore"
                        + " topics --help')")
                .names("'--to-time'").fix("must be an ISO-8601 time with a zone")
                .nothingWritten(unchanged("archive"))
                .run(() -> restore("archive", admin, "--to-time", "yesterday")));
        cases.add(BadInputCase.of("K13", "--rename of two topics to one name")
                .command("kdr restore topics … --topics 'orders|txn' --rename orders=x --rename txn=x").exit(2)
                .message("kdr: error: two archived topics would be restored into the same target topic 'x': fix --rename")
                .names("target topic 'x'").fix("fix --rename")
                .nothingWritten(unchanged("archive"))
                .run(() -> restore("archive", admin, "--topics", "orders|txn", "--rename", "orders=x", "--rename",
                        "txn=x")));
        cases.add(BadInputCase.of("K14", "--rename onto another restored topic")
                .command("kdr restore topics … --topics 'orders|txn' --rename orders=txn").exit(2)
                .message("kdr: error: two archived topics would be restored into the same target topic 'txn': fix --rename")
                .names("target topic 'txn'").fix("fix --rename")
                .nothingWritten(unchanged("archive"))
                .run(() -> restore("archive", admin, "--topics", "orders|txn", "--rename", "orders=txn")));
        cases.add(BadInputCase.of("K15", "--rename of a topic that is not selected")
                .command("kdr restore topics … --topics txn --rename orders=orders-dr").exit(2)
                .message("kdr: error: --rename orders=orders-dr names topic 'orders', which is not among the selected archived"
                        + " topics [txn]")
                .names("--rename orders=orders-dr").fix("which is not among the selected archived topics [txn]")
                .nothingWritten(unchanged("archive"))
                .run(() -> restore("archive", admin, "--topics", "txn", "--rename", "orders=orders-dr")));
        cases.add(BadInputCase.of("K16", "bad --topics regex")
                .command("kdr restore topics … --topics '('").exit(2)
                .message("kdr: error: --topics '(' is not a valid regular expression: Unclosed group")
                .names("--topics '('").fix("is not a valid regular expression")
                .nothingWritten(unchanged("archive"))
                .run(() -> restore("archive", admin, "--topics", "(")));
        cases.add(BadInputCase.of("K17", "missing --command-config file")
                .command("kdr restore topics … --command-config <dir>/missing.properties").exit(2)
                .message("kdr: error: command config file <dir>/missing.properties does not exist or is not a file")
                .names("<dir>/missing.properties").fix("does not exist or is not a file")
                .nothingWritten(unchanged("archive"))
                .run(() -> restore("archive", dir.resolve("missing.properties"))));
        cases.add(BadInputCase.of("K18", "unreachable broker")
                .command("kdr restore topics … --bootstrap-server 127.0.0.1:1 --topics txn").exit(5)
                .message("kdr: error: Kafka at 127.0.0.1:1 did not answer while trying to describe target topic txn"
                        + " (<client-message>): check --bootstrap-server, the network, and the security.protocol in"
                        + " --command-config")
                .names("Kafka at 127.0.0.1:1").fix("check --bootstrap-server, the network, and the security.protocol in --command-config")
                .nothingWritten(unchanged("archive"))
                .run(() -> kdr.run("restore", "topics", "--store", store("archive"), "--bootstrap-server",
                        "127.0.0.1:1", "--command-config", plain.toString(), "--topics", "txn")));
        cases.add(BadInputCase.of("K19", "wrong SASL password")
                .command("kdr restore topics … --command-config wrong.properties --topics txn").exit(6)
                .message("kdr: error: authentication to <bootstrap> failed while trying to describe target topic txn:"
                        + " Authentication failed: Invalid username or password: check the SASL mechanism, user name"
                        + " and password in --command-config")
                .names("authentication to <bootstrap>").fix("check the SASL mechanism, user name and password in --command-config")
                .nothingWritten(unchanged("archive"))
                .run(() -> restore("archive", wrongPassword, "--topics", "txn")));
        cases.add(BadInputCase.of("K20", "principal without the restore ACLs")
                .command("kdr restore topics … --command-config user1.properties --topics txn").exit(6)
                .message("kdr: error: not authorized to describe target topic txn-user1: grant the ACLs listed in"
                        + " docs/operations.md to this principal")
                .names("target topic txn-user1").fix("grant the ACLs listed in docs/operations.md to this principal")
                .nothingWritten(unchanged("archive"))
                .run(() -> restore("archive", user1, "--topics", "txn", "--rename", "txn=txn-user1")));
        cases.add(BadInputCase.of("K21", "TLS: broker certificate not trusted")
                .command("kdr restore topics … --bootstrap-server <tls> --command-config ssl.properties").exit(6)
                .message("kdr: error: TLS handshake with <tls> failed while trying to describe target topic txn:"
                        + " the broker's certificate is not trusted (<jdk-message>): check that ssl.truststore.location in"
                        + " --command-config holds the CA that signed the broker's certificate (and ssl.truststore.type/password)")
                .names("TLS handshake with <tls>").fix("check that ssl.truststore.location in --command-config holds the CA")
                .nothingWritten(unchanged("archive"))
                .run(() -> kdr.run("restore", "topics", "--store", store("archive"), "--bootstrap-server",
                        tls.hostPort(), "--command-config", ssl.toString(), "--topics", "txn")));
        cases.add(BadInputCase.of("K22", "corrupt segment (one byte flipped)")
                .command("kdr restore topics --store file://<dir>/corrupt-segment --topics txn --rename txn=txn-corrupt …").exit(8)
                .message("kdr: error: corrupt segment clusters/prod/topics/txn/0/segments/<segment> block 0 at byte 16: CRC32C"
                        + " mismatch: block header says <crc>, data gives <crc>: run 'kdr verify --deep' to list every"
                        + " damaged object")
                .names("clusters/prod/topics/txn/0/segments/<segment> block 0").fix("run 'kdr verify --deep' to list every damaged object")
                .reportOnStdout()
                .nothingWritten(() -> emptyThenDelete("txn-corrupt", unchanged("corrupt-segment")))
                .run(() -> restore("corrupt-segment", admin, "--topics", "txn", "--rename", "txn=txn-corrupt")));
        cases.add(BadInputCase.of("K23", "truncated segment")
                .command("kdr restore topics --store file://<dir>/truncated-segment --topics txn …").exit(8)
                .message("kdr: error: corrupt segment clusters/prod/topics/txn/0/segments/<segment> at byte <size>: the object ends"
                        + " here but its commit record says it has <bytes> bytes (truncated, replaced or deleted);"
                        + " nothing was"
                        + " written: run 'kdr verify --deep' to list every damaged object")
                .names("clusters/prod/topics/txn/0/segments/<segment>").fix("run 'kdr verify --deep' to list every damaged object")
                .reportOnStdout()
                .nothingWritten(unchanged("truncated-segment"))
                .run(() -> restore("truncated-segment", admin, "--topics", "txn")));
        cases.add(BadInputCase.of("K24", "foreign object where a segment should be")
                .command("kdr restore topics --store file://<dir>/garbage-segment --topics txn …").exit(8)
                .message("kdr: error: corrupt segment clusters/prod/topics/txn/0/segments/<segment> at byte <size>: the object ends"
                        + " here but its commit record says it has <bytes> bytes (truncated, replaced or deleted);"
                        + " nothing was"
                        + " written: run 'kdr verify --deep' to list every damaged object")
                .names("clusters/prod/topics/txn/0/segments/<segment>").fix("run 'kdr verify --deep' to list every damaged object")
                .reportOnStdout()
                .nothingWritten(unchanged("garbage-segment"))
                .run(() -> restore("garbage-segment", admin, "--topics", "txn")));
        cases.add(BadInputCase.of("K25", "foreign object where a manifest should be")
                .command("kdr restore topics --store file://<dir>/foreign-manifest --topics txn …").exit(8)
                .message("kdr: error: corrupt archive object clusters/prod/manifests/<run2>.json: does not start with"
                        + " {\"format\":…: run 'kdr verify' to list every damaged object")
                .names("clusters/prod/manifests/<run2>.json").fix("run 'kdr verify' to list every damaged object")
                .reportOnStdout()
                .nothingWritten(unchanged("foreign-manifest"))
                .run(() -> restore("foreign-manifest", admin, "--topics", "txn")));
        cases.add(BadInputCase.of("K26", "archive written by a newer format version")
                .command("kdr restore topics --store file://<dir>/future-version …").exit(8)
                .message("kdr: error: clusters/prod/manifests/<run2>.json has archive format version 99 but this kafka-dr reads"
                        + " versions up to 1: upgrade kafka-dr to a release that supports it")
                .names("clusters/prod/manifests/<run2>.json").fix("upgrade kafka-dr to a release that supports it")
                .nothingWritten(unchanged("future-version"))
                .run(() -> restore("future-version", admin, "--topics", "txn")));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> every_bad_input_to_kdr_is_one_line_with_its_exit_code_and_writes_nothing() {
        return kdrCases().stream().map(c -> DynamicTest.dynamicTest(c.id() + " " + c.situation(),
                () -> catalog.check(c)));
    }

    @Test
    void with_v_the_same_failures_print_their_stack_trace() {
        BadInputCatalog.checkVerbose(kdr.run("-v", "restore", "topics", "--store", store("truncated-segment"),
                "--bootstrap-server", kafka.bootstrapServers(), "--command-config", admin.toString(), "--topics",
                "txn"), 8);
    }

    @Test
    void the_catalogue_in_the_docs_is_generated_from_these_cases() {
        BadInputCatalog.syncDoc(DOC, "kdr", BadInputCatalog.table(kdrCases()), UPDATE);
    }
}
