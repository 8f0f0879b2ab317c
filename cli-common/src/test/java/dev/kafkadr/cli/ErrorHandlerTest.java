package dev.kafkadr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;
import dev.kafkadr.testkit.CommandContext;
import dev.kafkadr.testkit.CommandResult;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

class ErrorHandlerTest {

    static final class NotThere extends KdrException {
        NotThere(String m) {
            super(m);
        }

        @Override
        public FailureKind kind() {
            return FailureKind.NOT_FOUND;
        }

        @Override
        public String hint() {
            return "run 'kdr backups list' to see what exists";
        }
    }

    @Command(name = "tool", subcommands = Sub.class)
    static final class Root {
        @Mixin
        Verbosity verbosity;
    }

    @Command(name = "sub")
    static final class Sub implements Callable<Integer> {
        @Option(names = "--fail")
        String fail;

        @Override
        public Integer call() {
            if ("typed".equals(fail)) {
                throw new NotThere("no backup for cluster 'prod'\nin store file:///x");
            }
            if ("oom".equals(fail)) {
                throw new OutOfMemoryError("Java heap space");
            }
            if ("other".equals(fail)) {
                throw new IllegalStateException("boom");
            }
            return 0;
        }
    }

    private final CommandContext cli = new CommandContext(() -> Cli.commandLine(new Root()));

    @Test
    void typed_failure_gives_one_line_and_its_exit_code() {
        CommandResult r = cli.run("sub", "--fail", "typed");
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err().strip()).isEqualTo(
                "tool: error: no backup for cluster 'prod'; in store file:///x: run 'kdr backups list' to see what exists");
        assertThat(r.err()).doesNotContain("at dev.kafkadr");
    }

    @Test
    void verbose_flag_anywhere_adds_the_stack_trace() {
        assertThat(cli.run("-v", "sub", "--fail", "typed").err()).contains("at dev.kafkadr");
        assertThat(cli.run("sub", "-v", "--fail", "typed").err()).contains("at dev.kafkadr");
    }

    @Test
    void unexpected_failure_is_exit_1_and_says_so() {
        CommandResult r = cli.run("sub", "--fail", "other");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("unexpected IllegalStateException: boom").hasLineCount(1);
    }

    @Test
    void bad_option_is_usage_exit_2_with_one_line() {
        CommandResult r = cli.run("sub", "--nope");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--nope'").contains("tool sub --help").hasLineCount(1);
    }

    @Test
    void running_out_of_heap_is_one_line_saying_how_to_raise_it_and_exit_1() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cmd = Cli.commandLine(new Root());
        cmd.setErr(new java.io.PrintWriter(err));

        assertThat(Cli.execute(cmd, "sub", "--fail", "oom")).isEqualTo(1);
        assertThat(err.toString()).startsWith("tool: error: the JVM ran out of memory (Java heap space) with a heap "
                + "of at most ").contains("MiB: run it again with a larger heap, e.g. KDR_OPTS=-Xmx").hasLineCount(1);
        assertThat(Cli.larger(256)).isEqualTo("512m");
        assertThat(Cli.larger(700)).isEqualTo("2g");
    }
}
