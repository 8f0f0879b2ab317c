package dev.kafkadr.restore;

import java.util.Comparator;
import java.util.List;

/** The outcome of {@link Verifier#verify}: what was checked and every problem found, sorted. Immutable. */
public record VerificationReport(List<String> clusters, int runs, int commits, int segments, long segmentBytes,
                                 boolean deep, List<VerificationProblem> problems) {

    public VerificationReport {
        clusters = List.copyOf(clusters);
        problems = problems.stream().sorted(Comparator.comparing(VerificationProblem::object)
                .thenComparing(VerificationProblem::kind)).toList();
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
