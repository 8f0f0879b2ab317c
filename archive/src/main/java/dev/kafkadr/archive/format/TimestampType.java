package dev.kafkadr.archive.format;

/** How a record's timestamp was set, as Kafka reports it; stored in the record attributes. Immutable. */
public enum TimestampType {
    /** Kafka's NO_TIMESTAMP_TYPE (-1). */
    NONE(0),
    CREATE_TIME(1),
    LOG_APPEND_TIME(2);

    private final int code;

    TimestampType(int code) {
        this.code = code;
    }

    /** The 2-bit code stored in a record's attributes. */
    public int code() {
        return code;
    }

    static TimestampType fromCode(int code) {
        return switch (code) {
            case 0 -> NONE;
            case 1 -> CREATE_TIME;
            case 2 -> LOG_APPEND_TIME;
            default -> null;
        };
    }
}
