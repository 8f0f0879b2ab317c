package dev.kafkadr.mirror.cli;

import dev.kafkadr.mirror.validate.Finding;
import dev.kafkadr.mirror.validate.ValidationReport;
import java.io.PrintWriter;

/** Prints findings, one line each, and a summary line. Stateless. */
final class Reporting {

    private Reporting() {
    }

    static void print(PrintWriter out, String plan, ValidationReport report) {
        for (Finding f : report.findings()) {
            out.println(f.line());
        }
        out.println("plan " + plan + ": " + report.errors() + " error(s), " + report.warnings() + " warning(s)");
        out.flush();
    }
}
