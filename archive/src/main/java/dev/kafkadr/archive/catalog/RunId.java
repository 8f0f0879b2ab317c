package dev.kafkadr.archive.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Run identifiers: UTC start time to the millisecond plus 8 random hex digits, so they sort by time. Stateless. */
public final class RunId {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern SHAPE = Pattern.compile("[0-9]{8}T[0-9]{9}Z-[0-9a-f]{8}");

    private RunId() {
    }

    public static String generate(Clock clock) {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return FORMAT.format(clock.instant()) + "-" + HexFormat.of().formatHex(random);
    }

    public static boolean isValid(String runId) {
        return runId != null && SHAPE.matcher(runId).matches();
    }

    /** The start time encoded in a run id. */
    public static Instant startTime(String runId) {
        if (!isValid(runId)) {
            throw new IllegalArgumentException("not a run id: " + runId);
        }
        try {
            return FORMAT.parse(runId.substring(0, 19), Instant::from);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a run id: " + runId, e);
        }
    }
}
