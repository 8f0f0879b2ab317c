package dev.kafkadr.restore.cli;

import dev.kafkadr.restore.VerificationProblem;
import dev.kafkadr.restore.VerificationReport;

/** Text rendering of {@code kdr verify}: each problem on its own line, then one summary line. Stateless. */
final class VerifyFormat {

    private VerifyFormat() {
    }

    static String render(VerificationReport r) {
        StringBuilder b = new StringBuilder();
        for (VerificationProblem p : r.problems()) {
            b.append(p.line()).append('\n');
        }
        String what = "cluster" + (r.clusters().size() == 1 ? " " : "s ") + String.join(", ", r.clusters()) + ": "
                + r.runs() + " runs, " + r.commits() + " commit records, " + r.segments() + " segments ("
                + Text.bytes(r.segmentBytes()) + (r.deep() ? ", every block decoded" : ", SHA-256 checked") + ")";
        if (r.ok()) {
            b.append("verified ").append(what).append(": OK\n");
        } else {
            b.append("verification FAILED: ").append(r.problems().size()).append(" problem")
                    .append(r.problems().size() == 1 ? "" : "s").append(" in ").append(what).append('\n');
        }
        return b.toString();
    }
}
