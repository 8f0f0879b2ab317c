package dev.kafkadr.archive.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kafkadr.archive.format.UnsupportedFormatVersionException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchiveJsonTest {

    private static final PartitionCommit COMMIT = new PartitionCommit("prod", "orders", 3, "tid", 5, 4,
            "20261127T020000123Z-1a2b3c4d", "w", 1200, 1750, 0, List.of(new OffsetGap(1200, 1210, "RETENTION")),
            List.of(new SegmentRef("k", 1210, 1749, 531, 80213, 1, 2, "ab", "zstd")), 531, 80213,
            Instant.parse("2026-11-27T02:00:07.101Z"));

    @Test
    void objects_start_with_format_and_checksum_and_round_trip() {
        byte[] bytes = ArchiveJson.write(COMMIT);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("{\"format\":1,\"crc32c\":\"")
                .contains("\"createdAt\":\"2026-11-27T02:00:07.101Z\"");
        assertThat(ArchiveJson.read(bytes, "x", PartitionCommit.class)).isEqualTo(COMMIT);
    }

    @Test
    void any_flipped_byte_or_truncation_is_detected() {
        byte[] good = ArchiveJson.write(COMMIT);
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x01;
            assertThat(catchThrowable(() -> ArchiveJson.read(bad, "obj.json", PartitionCommit.class)))
                    .as("flip at %d", i)
                    .isInstanceOfAny(CorruptArchiveObjectException.class, UnsupportedFormatVersionException.class)
                    .hasMessageContaining("obj.json");
        }
        for (int len = 0; len < good.length; len++) {
            byte[] cut = Arrays.copyOf(good, len);
            assertThatThrownBy(() -> ArchiveJson.read(cut, "obj.json", PartitionCommit.class))
                    .as("truncated to %d", len).isInstanceOf(CorruptArchiveObjectException.class);
        }
    }

    @Test
    void a_newer_format_version_is_rejected_by_name() {
        String json = new String(ArchiveJson.write(COMMIT), StandardCharsets.UTF_8).replace("{\"format\":1,",
                "{\"format\":2,");
        assertThatThrownBy(() -> ArchiveJson.read(json.getBytes(StandardCharsets.UTF_8), "m.json",
                PartitionCommit.class))
                .isInstanceOf(UnsupportedFormatVersionException.class)
                .hasMessageContaining("m.json has archive format version 2");
    }

    @Test
    void output_is_deterministic() {
        assertThat(ArchiveJson.write(COMMIT)).isEqualTo(ArchiveJson.write(COMMIT));
    }
}
