package dev.kafkadr.mirror.validate;

/**
 * One problem found in a plan: severity, code, what it is about ({@code flow a->b}, {@code cluster dr},
 * {@code plan}), the key path in the plan file (may be null), a one-line message and the fix. Immutable.
 */
public record Finding(Severity severity, Code code, String subject, String key, String message, String fix) {

    /** A finding with its code's default severity. */
    public static Finding of(Code code, String subject, String key, String message, String fix) {
        return new Finding(code.severity(), code, subject, key, message, fix);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(s, code, subject, key, message, fix);
    }

    /** {@code ERROR UNKNOWN_KEY [flow a->b] flows[0].config.x: message; fix: ...} */
    public String line() {
        return severity + " " + code + " [" + subject + "] " + (key == null ? "" : key + ": ") + message
                + "; fix: " + fix;
    }
}
