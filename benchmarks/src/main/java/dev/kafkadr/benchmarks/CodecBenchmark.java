package dev.kafkadr.benchmarks;

import dev.kafkadr.archive.format.ArchivedHeader;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.Codec;
import dev.kafkadr.archive.format.SegmentReader;
import dev.kafkadr.archive.format.SegmentWriter;
import dev.kafkadr.archive.format.TimestampType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Encode and decode throughput of the segment codec for 1 KiB records, per block codec, one thread. One operation
 * is one record of {@link #RECORD_BYTES} payload bytes, so ops/s × 1 KiB = bytes/s (docs/benchmarks.md).
 * JMH state; not thread-safe.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class CodecBenchmark {

    static final int RECORDS = 20_000;
    static final int RECORD_BYTES = 1024;

    @Param({"zstd", "lz4", "snappy", "gzip", "none"})
    public String codec;

    /** Codec level (zstd only; 0 = the default, 3). */
    @Param({"0"})
    public int level;

    private List<ArchivedRecord> records;
    private byte[] encoded;

    /** JSON-like values: realistic, partly compressible (about 2-3x with zstd), 1 KiB including key and headers. */
    @Setup(Level.Trial)
    public void setUp() {
        Random rnd = new Random(42);
        records = new ArrayList<>(RECORDS);
        long ts = 1_700_000_000_000L;
        for (int i = 0; i < RECORDS; i++) {
            byte[] key = ("customer-" + rnd.nextInt(100_000)).getBytes(StandardCharsets.UTF_8);
            List<ArchivedHeader> headers = List.of(new ArchivedHeader("trace-id",
                    Long.toHexString(rnd.nextLong()).getBytes(StandardCharsets.UTF_8)));
            int valueBytes = RECORD_BYTES - key.length - 8 - 16;
            records.add(new ArchivedRecord(i, ts + i, TimestampType.CREATE_TIME, key, value(rnd, valueBytes),
                    headers));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SegmentWriter w = new SegmentWriter(out, Codec.fromName(codec), level, 1 << 20)) {
            records.forEach(w::append);
            w.finish();
        }
        encoded = out.toByteArray();
        System.out.printf("%n%s level %d: %d records of %d bytes encode to %d bytes (ratio %.2f)%n", codec, level,
                RECORDS, RECORD_BYTES, encoded.length, (double) RECORDS * RECORD_BYTES / encoded.length);
    }

    static byte[] value(Random rnd, int len) {
        StringBuilder sb = new StringBuilder(len);
        String[] words = {"order", "amount", "currency", "EUR", "USD", "status", "shipped", "pending", "sku", "qty"};
        sb.append('{');
        while (sb.length() < len - 40) {
            sb.append('"').append(words[rnd.nextInt(words.length)]).append("\":");
            if (rnd.nextBoolean()) {
                sb.append(rnd.nextInt(1_000_000));
            } else {
                sb.append('"').append(Long.toString(rnd.nextLong(), 36)).append('"');
            }
            sb.append(',');
        }
        while (sb.length() < len - 1) {
            sb.append(' ');
        }
        sb.append('}');
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void encode(Blackhole bh) {
        OutputStream sink = OutputStream.nullOutputStream();
        try (SegmentWriter w = new SegmentWriter(sink, Codec.fromName(codec), level, 1 << 20)) {
            for (ArchivedRecord r : records) {
                w.append(r);
            }
            bh.consume(w.finish());
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void decode(Blackhole bh) {
        try (SegmentReader r = SegmentReader.open(new ByteArrayInputStream(encoded), "bench")) {
            while (r.hasNext()) {
                bh.consume(r.next());
            }
        }
    }
}
