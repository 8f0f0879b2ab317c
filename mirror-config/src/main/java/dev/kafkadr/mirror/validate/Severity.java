package dev.kafkadr.mirror.validate;

/** How bad a finding is: errors fail validate/generate; warnings only with {@code --strict}. Immutable. */
public enum Severity {
    ERROR, WARNING
}
