package dev.kafkadr.restore.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.restore.cli.Main;
import dev.kafkadr.testkit.CommandContext;
import dev.kafkadr.testkit.badinput.BadInputCase;
import dev.kafkadr.testkit.badinput.BadInputCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kdr mirror part of the bad-input catalogue (docs/bad-input.md), run through {@code kdr} as users do; needs no
 * service. Every case asserts its exit code, one stderr line naming the thing and the fix, no stack trace, and that
 * generate wrote nothing. The table in the docs is generated from {@link #cases()}.
 */
class MirrorBadInputCatalogTest {

    static final String PLAN = "../mirror-config/examples/active-passive.yaml";

    @TempDir
    static Path dir;

    final CommandContext kdr = new CommandContext(Main::commandLine);
    final BadInputCatalog catalog = new BadInputCatalog();

    List<BadInputCase> cases() {
        catalog.bind("<dir>", dir.toString());
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
    Stream<DynamicTest> every_bad_input_to_kdr_mirror_is_one_line_with_its_exit_code_and_writes_nothing() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.id() + " " + c.situation(),
                () -> catalog.check(c)));
    }

    @Test
    void with_v_the_failure_prints_its_stack_trace() {
        BadInputCatalog.checkVerbose(kdr.run("mirror", "validate", "-v", "--plan", dir.resolve("nope.yaml")
                .toString()), 2);
    }

    @Test
    void the_catalogue_in_the_docs_is_generated_from_these_cases() {
        BadInputCatalog.syncDoc(KdrBadInputCatalogIT.DOC, "kdr mirror", BadInputCatalog.table(cases()),
                "run mvn -B -o test -pl restore-cli -am -Dtest=MirrorBadInputCatalogTest -Dkdr.docs.update=true");
    }
}
