package dev.kafkadr.restore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.restore.RestoreProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    private final RestoreProgress half = new RestoreProgress(5000, 10000, 2 * 1024 * 1024, 3, 12,
            Duration.ofSeconds(10));

    @Test
    void the_terminal_bar_shows_records_bytes_rate_and_eta() {
        assertThat(ProgressPrinter.bar(half)).isEqualTo("[###############...............]  50%  5,000/10,000"
                + " records  2.0 MiB  500 rec/s  204.8 KiB/s  ETA 10.0s   ");
    }

    @Test
    void without_a_terminal_plain_lines_are_printed_at_most_every_interval_and_at_the_end() {
        StringWriter err = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(new StringWriter()), new PrintWriter(err), false,
                false, Duration.ofHours(1));
        p.onProgress(half);
        p.onProgress(half);
        assertThat(err.toString()).isEmpty();
        p.onProgress(new RestoreProgress(10000, 10000, 4096, 12, 12, Duration.ofSeconds(20)));
        assertThat(err.toString()).isEqualTo("progress: 10,000 of 10,000 records (100%), 4.0 KiB, 12 of 12 partitions"
                + " done, 500 records/s, ETA 0.0s" + System.lineSeparator());
    }

    @Test
    void on_a_terminal_the_bar_is_redrawn_on_one_line_and_warnings_get_their_own() {
        StringWriter err = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(new StringWriter()), new PrintWriter(err), false,
                true, Duration.ofSeconds(5));
        p.onProgress(half);
        p.onWarning("careful");
        assertThat(err.toString()).startsWith("\r[###").contains("\rwarning: careful");
    }
}
