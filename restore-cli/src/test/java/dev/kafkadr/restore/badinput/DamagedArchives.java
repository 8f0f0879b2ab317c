package dev.kafkadr.restore.badinput;

import dev.kafkadr.restore.testing.ArchivedCorpus;
import dev.kafkadr.restore.testing.TestArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies of a real archive, each damaged in one way, for the bad-input catalogue: a flipped byte inside a segment
 * block ({@code corrupt-segment}), a segment cut in half ({@code truncated-segment}), a segment replaced by a foreign
 * file ({@code garbage-segment}), the newest manifest replaced by a foreign file ({@code foreign-manifest}) or claiming
 * format version 99 ({@code future-version}), and a store with backups of a second cluster ({@code two-clusters}).
 * Stateless.
 */
final class DamagedArchives {

    private DamagedArchives() {
    }

    /** Writes the damaged copies of {@code corpus} (at {@code dir}/archive) as siblings under {@code dir}. */
    static void write(Path dir, ArchivedCorpus corpus) throws IOException {
        Path src = dir.resolve("archive");
        Path txnSegment = firstFile(src.resolve("clusters/prod/topics/txn/0/segments"));
        String newest = corpus.run2 + ".json";

        Path corrupt = copy(dir, src, "corrupt-segment");
        byte[] b = Files.readAllBytes(corrupt.resolve(src.relativize(txnSegment)));
        b[b.length / 2] ^= 0x5a;
        Files.write(corrupt.resolve(src.relativize(txnSegment)), b);

        Path truncated = copy(dir, src, "truncated-segment");
        Path t = truncated.resolve(src.relativize(txnSegment));
        Files.write(t, java.util.Arrays.copyOf(Files.readAllBytes(t), (int) Files.size(t) / 2));

        Path foreign = copy(dir, src, "foreign-manifest");
        Files.writeString(foreign.resolve("clusters/prod/manifests/" + newest), "<html>not a manifest</html>\n");

        Path future = copy(dir, src, "future-version");
        Path m = future.resolve("clusters/prod/manifests/" + newest);
        Files.writeString(m, Files.readString(m).replaceFirst("\\{\"format\":1", "{\"format\":99"));

        Path two = copy(dir, src, "two-clusters");
        new TestArchive(two, "staging").run(Instant.parse("2026-01-01T00:00:00Z"))
                .partition("t", 0, 0, 1, List.of(TestArchive.record(0, 1_767_225_600_000L, "k", "v"))).commit();

        Path garbage = copy(dir, src, "garbage-segment");
        Files.write(garbage.resolve(src.relativize(txnSegment)), "PK\u0003\u0004 a zip, not a segment".getBytes());
    }

    static Path firstFile(Path dirPath) throws IOException {
        try (Stream<Path> s = Files.list(dirPath)) {
            return s.sorted().findFirst().orElseThrow();
        }
    }

    static Path copy(Path dir, Path from, String name) throws IOException {
        Path to = dir.resolve(name);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
