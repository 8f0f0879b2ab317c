package dev.kafkadr.archive.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generates awkward records for round-trip tests: nulls vs empties, big values, many headers, offset gaps. */
public final class RandomRecords {

    private RandomRecords() {
    }

    public static List<ArchivedRecord> generate(long seed, int count) {
        Random rnd = new Random(seed);
        List<ArchivedRecord> out = new ArrayList<>(count);
        long offset = rnd.nextInt(1000);
        long ts = 1_700_000_000_000L + rnd.nextInt(1_000_000);
        for (int i = 0; i < count; i++) {
            offset += rnd.nextInt(10) < 8 ? 1 : 1 + rnd.nextInt(rnd.nextBoolean() ? 5 : 100_000); // gaps
            ts += rnd.nextInt(2000) - 500; // not monotonic, like CreateTime
            TimestampType type = switch (rnd.nextInt(10)) {
                case 0 -> TimestampType.NONE;
                case 1, 2, 3 -> TimestampType.LOG_APPEND_TIME;
                default -> TimestampType.CREATE_TIME;
            };
            long timestamp = type == TimestampType.NONE ? -1 : ts;
            out.add(new ArchivedRecord(offset, timestamp, type, bytes(rnd), bytes(rnd), headers(rnd)));
        }
        return out;
    }

    private static byte[] bytes(Random rnd) {
        int pick = rnd.nextInt(20);
        if (pick == 0) {
            return null;
        }
        if (pick == 1) {
            return new byte[0];
        }
        int len = pick == 2 ? 70_000 + rnd.nextInt(200_000) : rnd.nextInt(pick < 10 ? 40 : 2000);
        byte[] b = new byte[len];
        if (rnd.nextBoolean()) {
            rnd.nextBytes(b); // incompressible
        } else {
            for (int i = 0; i < len; i++) {
                b[i] = (byte) ('a' + (i * 7 + pick) % 13); // compressible
            }
        }
        return b;
    }

    private static List<ArchivedHeader> headers(Random rnd) {
        int n = rnd.nextInt(10) < 6 ? 0 : rnd.nextInt(6);
        List<ArchivedHeader> hs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String key = rnd.nextInt(5) == 0 ? "dup" : "h-" + rnd.nextInt(100) + (rnd.nextInt(7) == 0 ? "-ü€" : "");
            byte[] v = rnd.nextInt(4) == 0 ? null : (rnd.nextInt(4) == 0 ? new byte[0]
                    : ("v" + rnd.nextLong()).getBytes(StandardCharsets.UTF_8));
            hs.add(new ArchivedHeader(key, v));
        }
        return hs;
    }
}
