package dev.kafkadr.archive.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.PartitionStart;
import dev.kafkadr.archive.catalog.RunWriter;
import dev.kafkadr.archive.catalog.SegmentOutput;
import dev.kafkadr.archive.format.ArchivedHeader;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.Codec;
import dev.kafkadr.archive.format.RandomRecords;
import dev.kafkadr.archive.format.SegmentWriter;
import dev.kafkadr.archive.format.TimestampType;
import dev.kafkadr.archive.manifest.AclEntry;
import dev.kafkadr.archive.manifest.AclsSnapshot;
import dev.kafkadr.archive.manifest.GroupOffset;
import dev.kafkadr.archive.manifest.GroupSnapshot;
import dev.kafkadr.archive.manifest.GroupsSnapshot;
import dev.kafkadr.archive.manifest.ObjectRef;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.PartitionEntry;
import dev.kafkadr.archive.manifest.TopicMetadata;
import dev.kafkadr.archive.manifest.TopicsSnapshot;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes the version-1 golden fixtures under archive/src/test/resources/golden/v1. Run ONCE per format version
 * (`mvn -pl archive test-compile exec:java`-style, or from an IDE with the repo root as working directory); the files
 * are committed and must never be regenerated for an existing version: GoldenFixturesTest reads them forever.
 */
public final class GoldenFixtures {

    static final long SEED = 20261127L;
    static final int RECORDS = 300;
    static final int BLOCK_BYTES = 4096;
    static final ObjectMapper JSON = new ObjectMapper();

    private GoldenFixtures() {
    }

    static List<ArchivedRecord> records() {
        return RandomRecords.generate(SEED, RECORDS).stream().map(GoldenFixtures::shrink).toList();
    }

    private static ArchivedRecord shrink(ArchivedRecord r) {
        return new ArchivedRecord(r.offset(), r.timestamp(), r.timestampType(), cap(r.key()), cap(r.value()),
                r.headers());
    }

    private static byte[] cap(byte[] b) {
        return b == null || b.length <= 600 ? b : java.util.Arrays.copyOf(b, 600);
    }

    public static void main(String[] args) throws IOException {
        Path root = Paths.get(args.length > 0 ? args[0] : "archive/src/test/resources/golden/v1");
        Files.createDirectories(root.resolve("segments"));
        List<ArchivedRecord> records = records();
        Files.writeString(root.resolve("segments/records.jsonl"), toJsonLines(records));
        for (Codec codec : Codec.values()) {
            try (OutputStream out = Files.newOutputStream(root.resolve("segments/" + codec.configName() + ".kseg"));
                 SegmentWriter w = new SegmentWriter(out, codec, 0, BLOCK_BYTES)) {
                records.forEach(w::append);
                w.finish();
            }
        }
        writeArchive(root.resolve("archive"), records);
    }

    /** Two committed runs over orders-0 and orders-1, plus a run that "crashed" before its manifest. */
    static void writeArchive(Path dir, List<ArchivedRecord> records) {
        LocalObjectStore store = new LocalObjectStore(dir, StoreOptions.empty());
        List<ArchivedRecord> p0 = records.subList(0, 200);
        List<ArchivedRecord> p1 = records.subList(200, RECORDS);
        Clock c1 = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);
        Clock c2 = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC);
        Clock c3 = Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), ZoneOffset.UTC);
        run(store, c1, List.of(p0.subList(0, 120), p1), true);
        run(store, c2, List.of(p0.subList(120, 200), List.of()), true);
        run(store, c3, List.of(List.of(), List.of()), false);
    }

    private static void run(LocalObjectStore store, Clock clock, List<List<ArchivedRecord>> perPartition,
                            boolean commit) {
        RunWriter run = new RunWriter(new ArchiveCatalog(store), "prod", "golden-writer", "0.1.0", clock)
                .indexEvery(0); // version 1 has no indexes
        List<PartitionEntry> entries = new ArrayList<>();
        for (int p = 0; p < perPartition.size(); p++) {
            List<ArchivedRecord> rs = perPartition.get(p);
            PartitionStart start = run.start("orders", p);
            long from = start.head() == null ? (rs.isEmpty() ? 0 : rs.get(0).offset()) : start.nextOffset();
            long end = rs.isEmpty() ? Math.max(from, 0) + (commit ? 0 : 5) : rs.get(rs.size() - 1).offset() + 1;
            List<dev.kafkadr.archive.manifest.SegmentRef> segs = new ArrayList<>();
            if (!rs.isEmpty()) {
                try (SegmentOutput out = run.openSegment("orders", p, rs.get(0).offset(), Codec.ZSTD, 0,
                        BLOCK_BYTES)) {
                    rs.forEach(out::append);
                    segs.add(out.finish());
                }
            }
            if (end == from && start.head() != null) {
                PartitionCommit h = start.head();
                entries.add(new PartitionEntry("orders", p, h.seq(), h.parentSeq(), false, h.endOffset(),
                        h.endOffset(), 0, 0, 0, List.of(), List.of()));
                continue;
            }
            PartitionCommit c = run.commitPartition(start, "AAAAAAAAAAAAAAAAAAAAAA", false, from, end, 0, List.of(),
                    segs);
            entries.add(new PartitionEntry("orders", p, c.seq(), c.parentSeq(), true, c.startOffset(),
                    c.endOffset(), c.logStartOffset(), c.records(), c.bytes(), c.segments(), c.gaps()));
        }
        if (!commit) {
            return;
        }
        ObjectRef topics = run.writeRunObject("topics.json", new TopicsSnapshot(run.runId(), List.of(
                TopicMetadata.of("orders", "AAAAAAAAAAAAAAAAAAAAAA", 2, 3,
                        Map.of("cleanup.policy", "delete", "retention.ms", "604800000", "min.insync.replicas", "2"),
                        "CreateTime"))));
        ObjectRef groups = run.writeRunObject("groups.json", new GroupsSnapshot(run.runId(), clock.instant(),
                List.of(new GroupSnapshot("billing", "Empty",
                        List.of(new GroupOffset("orders", 0, 57, "", 0, 200))))));
        ObjectRef acls = run.writeRunObject("acls.json", new AclsSnapshot(run.runId(), true, List.of(
                new AclEntry("TOPIC", "orders", "LITERAL", "User:billing", "*", "READ", "ALLOW"))));
        run.commit(entries, clock.instant(), topics, groups, acls, e -> { });
    }

    static String toJsonLines(List<ArchivedRecord> records) {
        StringBuilder sb = new StringBuilder();
        for (ArchivedRecord r : records) {
            ObjectNode n = JSON.createObjectNode();
            n.put("offset", r.offset()).put("timestamp", r.timestamp()).put("type", r.timestampType().name());
            n.put("key", b64(r.key()));
            n.put("value", b64(r.value()));
            ArrayNode hs = n.putArray("headers");
            for (ArchivedHeader h : r.headers()) {
                hs.addArray().add(h.key()).add(b64(h.value()));
            }
            sb.append(n).append('\n');
        }
        return sb.toString();
    }

    static List<ArchivedRecord> fromJsonLines(String text) throws IOException {
        List<ArchivedRecord> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            List<ArchivedHeader> hs = new ArrayList<>();
            for (JsonNode h : n.get("headers")) {
                hs.add(new ArchivedHeader(h.get(0).asText(), unb64(h.get(1))));
            }
            out.add(new ArchivedRecord(n.get("offset").asLong(), n.get("timestamp").asLong(),
                    TimestampType.valueOf(n.get("type").asText()), unb64(n.get("key")), unb64(n.get("value")), hs));
        }
        return out;
    }

    private static String b64(byte[] b) {
        return b == null ? null : Base64.getEncoder().encodeToString(b);
    }

    private static byte[] unb64(JsonNode n) {
        return n == null || n.isNull() ? null : Base64.getDecoder().decode(n.asText());
    }
}
