package dev.kafkadr.mirror.validate;

import java.util.List;

/** All findings for a plan, errors first, then in rule order. Immutable. */
public record ValidationReport(List<Finding> findings) {

    public ValidationReport {
        findings = findings.stream()
                .sorted(java.util.Comparator.comparing(Finding::severity))
                .toList();
    }

    public long errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    }

    /** Whether the plan may be used: no errors, and with {@code strict} no warnings either. */
    public boolean passes(boolean strict) {
        return errors() == 0 && (!strict || warnings() == 0);
    }

    public ValidationReport plus(List<Finding> more) {
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.addAll(more);
        return new ValidationReport(all);
    }
}
