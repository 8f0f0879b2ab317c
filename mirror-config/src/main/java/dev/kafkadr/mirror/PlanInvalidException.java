package dev.kafkadr.mirror;

import dev.kafkadr.archive.UsageException;
import dev.kafkadr.mirror.validate.ValidationReport;

/**
 * Validation of a DR plan failed: it has errors (or warnings, with {@code --strict}). The findings themselves were
 * reported separately; this one line summarises them. Plan errors are usage errors: exit code 2. Immutable.
 */
public final class PlanInvalidException extends UsageException {

    private static final long serialVersionUID = 1L;

    public PlanInvalidException(String plan, ValidationReport report, boolean strict, String consequence) {
        super("plan " + plan + " has " + report.errors() + " error(s) and " + report.warnings() + " warning(s)"
                + (strict && report.errors() == 0 ? " (--strict fails on warnings)" : "") + "; " + consequence);
    }

    @Override
    public String hint() {
        return "fix each finding listed above (its 'fix:' part says how), then run 'kdr mirror validate' again";
    }
}
