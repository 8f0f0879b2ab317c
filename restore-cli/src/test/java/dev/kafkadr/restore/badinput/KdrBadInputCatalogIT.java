package dev.kafkadr.restore.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.restore.cli.Main;
import dev.kafkadr.restore.testing.ArchivedCorpus;
import dev.kafkadr.restore.testing.TargetAssert;
import dev.kafkadr.testkit.CommandContext;
import dev.kafkadr.testkit.CommandResult;
import dev.kafkadr.testkit.KafkaTestCluster;
import dev.kafkadr.testkit.S3MockServer;
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
 * The kdr and kdr mirror parts of the bad-input catalogue (docs/bad-input.md), against a real SASL_PLAINTEXT
 * Kafka cluster with an authorizer, S3Mock, an untrusted TLS endpoint and damaged copies of a real archive. Every
 * case asserts its exit code, one stderr line naming the thing and the fix, no stack trace, and that nothing was
 * written: the archive is byte-for-byte unchanged, the target cluster has no new topic, no output directory exists.
 * The tables in the docs are generated from {@link #kdrCases()} and {@link #mirrorCases()}.
 */
class KdrBadInputCatalogIT {

    static final Path DOC = Path.of("../docs/bad-input.md");
    static final String UPDATE = "run mvn -B -o verify -pl restore-cli -am -Dit.test=KdrBadInputCatalogIT"
            + " -Dkdr.docs.update=true";
    static final String PLAN = "../mirror-config/examples/active-passive.yaml";

    @TempDir
    static Path dir;
    static ArchivedCorpus corpus;
    static KafkaTestCluster kafka;
    static S3MockServer s3;
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
        corpus = ArchivedCorpus.writeTo(dir.resolve("archive"));
        kafka = KafkaTestCluster.builder().saslPlain().start();
        s3 = S3MockServer.shared();
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
        damagedCopies();
        try (Admin a = kafka.admin()) {
            baselineTopics = TargetAssert.topics(a);
        }
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
                + e.getValue()).collect(Collectors.joining("\n")) + "\ndefault.api.timeout.ms=3000\n"
                + "request.timeout.ms=2000\n");
    }

    // ---- damaged archives -------------------------------------------------------------------------------------

    /** Copies of the corpus, each damaged in one way; the damaged object's key is recorded for the messages. */
    static void damagedCopies() throws IOException {
        Path src = dir.resolve("archive");
        Path txnSegment = firstFile(src.resolve("clusters/prod/topics/txn/0/segments"));
        String newest = corpus.run2 + ".json";

        Path corrupt = copy(src, "corrupt-segment");
        byte[] b = Files.readAllBytes(corrupt.resolve(src.relativize(txnSegment)));
        b[b.length / 2] ^= 0x5a;
        Files.write(corrupt.resolve(src.relativize(txnSegment)), b);

        Path truncated = copy(src, "truncated-segment");
        Path t = truncated.resolve(src.relativize(txnSegment));
        Files.write(t, java.util.Arrays.copyOf(Files.readAllBytes(t), (int) Files.size(t) / 2));

        Path foreign = copy(src, "foreign-manifest");
        Files.writeString(foreign.resolve("clusters/prod/manifests/" + newest), "<html>not a manifest</html>\n");

        Path future = copy(src, "future-version");
        Path m = future.resolve("clusters/prod/manifests/" + newest);
        Files.writeString(m, Files.readString(m).replaceFirst("\\{\"format\":1", "{\"format\":99"));

        Path garbage = copy(src, "garbage-segment");
        Files.write(garbage.resolve(src.relativize(txnSegment)), "PK\u0003\u0004 a zip, not a segment".getBytes());
    }

    static Path firstFile(Path dirPath) throws IOException {
        try (Stream<Path> s = Files.list(dirPath)) {
            return s.sorted().findFirst().orElseThrow();
        }
    }

    static Path copy(Path from, String name) throws IOException {
        Path to = dir.resolve(name);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
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
        cases.add(BadInputCase.of("K06", "S3 bucket does not exist")
                .command("kdr backups list --store s3://kdr-no-such-bucket/prod --store-option s3.endpoint=…")
                .exit(4)
                .message("kdr: error: s3://kdr-no-such-bucket/prod/clusters/: could not list: bucket 'kdr-no-such-bucket' does"
                        + " not exist: create it or correct the bucket in the store URI")
                .names("'kdr-no-such-bucket'").fix("create it or correct the bucket in the store URI")
                .run(() -> kdr.run("backups", "list", "--store", "s3://kdr-no-such-bucket/prod",
                        "--store-option", "s3.endpoint=" + s3.endpoint(), "--store-option", "s3.path-style-access=true",
                        "--store-option", "s3.region=" + S3MockServer.REGION,
                        "--store-option", "s3.access-key-id=" + S3MockServer.ACCESS_KEY,
                        "--store-option", "s3.secret-access-key=" + S3MockServer.SECRET_KEY)));
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
                .message("kdr: error: TLS handshake with <tls> failed while trying to describe target topic txn: SSL handshake"
                        + " failed (<jdk-message>): check ssl.truststore.* / ssl.keystore.* in --command-config")
                .names("TLS handshake with <tls>").fix("check ssl.truststore.* / ssl.keystore.* in --command-config")
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

    List<BadInputCase> mirrorCases() {
        bindAll();
        List<BadInputCase> cases = new ArrayList<>();
        cases.add(BadInputCase.of("M01", "plan file missing")
                .command("kdr mirror validate --plan <dir>/nope.yaml").exit(2)
                .message("kdr: error: cannot read plan <dir>/nope.yaml: the file does not exist: check --plan")
                .names("<dir>/nope.yaml").fix("check --plan")
                .run(() -> kdr.run("mirror", "validate", "--plan", dir.resolve("nope.yaml").toString())));
        cases.add(BadInputCase.of("M02", "malformed plan YAML")
                .command("kdr mirror validate --plan <dir>/broken-plan.yaml").exit(2)
                .message("kdr: error: <dir>/broken-plan.yaml: not valid YAML at line 3, column 1 (expected ',' or ']', but got"
                        + " <stream end>): fix the syntax there (indentation, quotes, brackets)")
                .names("<dir>/broken-plan.yaml").fix("fix the syntax there")
                .run(() -> kdr.run("mirror", "validate", "--plan", plan("broken-plan.yaml",
                        "clusters:\n  primary: {bootstrap: [a\n").toString())));
        cases.add(BadInputCase.of("M03", "unknown key in the plan")
                .command("kdr mirror validate --plan <dir>/typo-plan.yaml").exit(2)
                .message("kdr: error: <dir>/typo-plan.yaml: clusters.primary.agent.topic: unknown key (did you mean 'topics'?);"
                        + " allowed here: commandConfig, schedule, storeUri, topics")
                .names("clusters.primary.agent.topic").fix("did you mean 'topics'?")
                .run(() -> kdr.run("mirror", "validate", "--plan", plan("typo-plan.yaml",
                        example().replace("    topics:", "    topic:")).toString())));
        cases.add(BadInputCase.of("M04", "bad regex in a flow (a finding)")
                .command("kdr mirror validate --plan <dir>/regex-plan.yaml").exit(2)
                .message("kdr: error: plan <dir>/regex-plan.yaml has 2 error(s) and 0 warning(s); see the findings above: fix each"
                        + " finding listed above (its 'fix:' part says how), then run 'kdr mirror validate' again")
                .names("plan <dir>/regex-plan.yaml").fix("fix each finding listed above (its 'fix:' part says how)").reportOnStdout()
                .run(() -> kdr.run("mirror", "validate", "--plan", plan("regex-plan.yaml",
                        example().replace("'orders\\..*'", "'orders.(eu|us'")).toString())));
        cases.add(BadInputCase.of("M05", "generate from an invalid plan writes nothing")
                .command("kdr mirror generate --plan <dir>/regex-plan.yaml --out <dir>/generated").exit(2)
                .message("kdr: error: plan <dir>/regex-plan.yaml has 2 error(s) and 0 warning(s); nothing was generated: fix each"
                        + " finding listed above (its 'fix:' part says how), then run 'kdr mirror validate' again")
                .names("plan <dir>/regex-plan.yaml").fix("fix each finding listed above (its 'fix:' part says how)").reportOnStdout()
                .nothingWritten(() -> assertThat(dir.resolve("generated")).doesNotExist())
                .run(() -> kdr.run("mirror", "generate", "--plan", plan("regex-plan.yaml",
                        example().replace("'orders\\..*'", "'orders.(eu|us'")).toString(), "--out",
                        dir.resolve("generated").toString())));
        cases.add(BadInputCase.of("M06", "--bootstrap for a cluster the plan does not define")
                .command("kdr mirror validate --plan active-passive.yaml --bootstrap prod=x:1").exit(2)
                .message("kdr: error: --bootstrap names cluster 'prod', which the plan does not define (defined: dr, primary) (see"
                        + " 'kdr mirror validate --help')")
                .names("cluster 'prod'").fix("which the plan does not define (defined: dr, primary)")
                .run(() -> kdr.run("mirror", "validate", "--plan", PLAN, "--bootstrap", "prod=x:1")));
        cases.add(BadInputCase.of("M07", "unknown output format")
                .command("kdr mirror generate --plan active-passive.yaml --out <dir>/gen-helm --format helm").exit(2)
                .message("kdr: error: Invalid value for option '--format' (FORMAT): expected one of [MM2, CONNECT, STRIMZI,"
                        + " RUNBOOK, AGENT, ALL] (case-insensitive) but was 'helm' (see 'kdr mirror generate --help')")
                .names("'--format'").fix("expected one of [MM2, CONNECT, STRIMZI, RUNBOOK, AGENT, ALL]")
                .nothingWritten(() -> assertThat(dir.resolve("gen-helm")).doesNotExist())
                .run(() -> kdr.run("mirror", "generate", "--plan", PLAN, "--out", dir.resolve("gen-helm").toString(),
                        "--format", "helm")));
        return cases;
    }

    static String example() {
        try {
            return Files.readString(Path.of(PLAN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path plan(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> every_bad_input_to_kdr_is_one_line_with_its_exit_code_and_writes_nothing() {
        return kdrCases().stream().map(c -> DynamicTest.dynamicTest(c.id() + " " + c.situation(),
                () -> catalog.check(c)));
    }

    @TestFactory
    Stream<DynamicTest> every_bad_input_to_kdr_mirror_is_one_line_with_its_exit_code_and_writes_nothing() {
        return mirrorCases().stream().map(c -> DynamicTest.dynamicTest(c.id() + " " + c.situation(),
                () -> catalog.check(c)));
    }

    @Test
    void with_v_the_same_failures_print_their_stack_trace() {
        BadInputCatalog.checkVerbose(kdr.run("-v", "restore", "topics", "--store", store("truncated-segment"),
                "--bootstrap-server", kafka.bootstrapServers(), "--command-config", admin.toString(), "--topics",
                "txn"), 8);
        BadInputCatalog.checkVerbose(kdr.run("mirror", "validate", "-v", "--plan", dir.resolve("nope.yaml")
                .toString()), 2);
    }

    @Test
    void the_catalogue_in_the_docs_is_generated_from_these_cases() {
        BadInputCatalog.syncDoc(DOC, "kdr", BadInputCatalog.table(kdrCases()), UPDATE);
        BadInputCatalog.syncDoc(DOC, "kdr mirror", BadInputCatalog.table(mirrorCases()), UPDATE);
    }
}
