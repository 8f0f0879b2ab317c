package dev.kafkadr.archive.golden;

import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.IndexWriter;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Writes the version-2 golden fixtures (the index objects) under archive/src/test/resources/golden/v2: the index as
 * of the newest run of the version-1 golden archive. Run ONCE (from the repo root); the files are committed and
 * GoldenFixturesTest reads them forever. Not thread-safe.
 */
public final class GoldenIndexFixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T02:00:05Z"), ZoneOffset.UTC);

    private GoldenIndexFixtures() {
    }

    /** Writes the index of the archive in {@code dir} (a copy of golden/v1/archive) as of its newest run. */
    static void writeIndex(Path dir) {
        ArchiveCatalog catalog = new ArchiveCatalog(new LocalObjectStore(dir, StoreOptions.empty()));
        new IndexWriter(catalog, CLOCK).write("prod", catalog.committedRunIds("prod").last());
    }

    public static void main(String[] args) throws IOException {
        Path v1 = Paths.get("archive/src/test/resources/golden/v1/archive");
        Path out = Paths.get(args.length > 0 ? args[0] : "archive/src/test/resources/golden/v2/archive");
        Path tmp = Files.createTempDirectory("kdr-golden-v2");
        GoldenFixturesTest.copyTree(v1, tmp);
        writeIndex(tmp);
        GoldenFixturesTest.copyTree(tmp.resolve("clusters/prod/indexes"), out.resolve("clusters/prod/indexes"));
    }
}
