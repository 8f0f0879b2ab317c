package dev.kafkadr.archive.format;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;

/** An archive object declares a format version this build cannot read. Immutable. */
public class UnsupportedFormatVersionException extends KdrException {

    private static final long serialVersionUID = 1L;

    public UnsupportedFormatVersionException(String object, long found, int supported) {
        super(object + " has archive format version " + found + " but this kafka-dr reads versions up to "
                + supported);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.CORRUPT;
    }

    @Override
    public String hint() {
        return "upgrade kafka-dr to a release that supports it";
    }
}
