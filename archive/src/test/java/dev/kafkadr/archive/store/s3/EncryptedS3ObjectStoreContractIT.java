package dev.kafkadr.archive.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.PartitionStart;
import dev.kafkadr.archive.catalog.RunWriter;
import dev.kafkadr.archive.catalog.SegmentOutput;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.Codec;
import dev.kafkadr.archive.format.TimestampType;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.PartitionEntry;
import dev.kafkadr.archive.manifest.RunManifest;
import dev.kafkadr.archive.manifest.SegmentRef;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.ObjectStoreContract;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.crypto.EncryptedObjectStore;
import dev.kafkadr.archive.store.crypto.EnvelopeHeader;
import dev.kafkadr.archive.store.crypto.TestKeys;
import dev.kafkadr.testkit.S3MockServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The store contract against client-side encryption over S3 (S3Mock) with SSE-KMS, 5 MiB parts so big objects are
 * real multipart uploads; every write request of the whole class, and of a complete archive run, must carry the
 * SSE-KMS headers, and the stored objects must be envelopes that hide the content.
 */
class EncryptedS3ObjectStoreContractIT extends ObjectStoreContract {

    private static final String PREFIX = "encrypted/";
    private static final List<String> WRITES_WITH_SSE = List.of("PutObject", "CreateMultipartUpload");
    private static final RequestRecorder RECORDER = new RequestRecorder();
    private static S3MockServer s3;
    private static String bucket;
    private static ObjectStore store;
    private static S3Client raw;

    @BeforeAll
    static void open() {
        s3 = S3MockServer.shared();
        bucket = s3.createBucket("encrypted");
        StoreOptions options = S3TestSupport.options(s3, Map.of(
                StoreOptions.S3_PART_SIZE_BYTES, String.valueOf(PART_SIZE), StoreOptions.S3_PARTS_IN_FLIGHT, "2",
                StoreOptions.S3_SSE, "aws:kms", StoreOptions.S3_SSE_KMS_KEY_ID, S3MockServer.KMS_KEY_ID));
        S3ObjectStore s3Store = S3ObjectStore.open(S3TestSupport.uri(bucket, PREFIX), options,
                b -> b.overrideConfiguration(c -> c.addExecutionInterceptor(RECORDER)));
        store = new EncryptedObjectStore(s3Store, TestKeys.ring("k1", 1));
        raw = S3TestSupport.rawClient(s3);
    }

    @AfterAll
    static void every_write_of_the_class_carried_sse_kms_and_nothing_was_copied() {
        try {
            assertSseOnEveryWrite(RECORDER.sent);
        } finally {
            store.close();
            raw.close();
        }
    }

    private static void assertSseOnEveryWrite(List<RequestRecorder.Sent> sent) {
        assertThat(sent).extracting(RequestRecorder.Sent::operation).doesNotContain("CopyObject", "UploadPartCopy");
        List<RequestRecorder.Sent> writes = sent.stream().filter(s -> WRITES_WITH_SSE.contains(s.operation()))
                .toList();
        assertThat(writes).isNotEmpty().allSatisfy(s -> {
            assertThat(s.header("x-amz-server-side-encryption")).as(s.operation()).isEqualTo("aws:kms");
            assertThat(s.header("x-amz-server-side-encryption-aws-kms-key-id")).as(s.operation())
                    .isEqualTo(S3MockServer.KMS_KEY_ID);
        });
    }

    @Override
    protected ObjectStore store() {
        return store;
    }

    @Override
    protected boolean serverPutIfAbsentIsAtomic() {
        return false; // S3Mock 5.2.0, see S3ObjectStoreContractIT
    }

    @Override
    protected void assertNoUploadLeftovers(String key) {
        assertThat(S3TestSupport.openUploads(raw, bucket, PREFIX + key)).as("open multipart uploads").isEmpty();
    }

    @Test
    void a_complete_archive_run_writes_only_sse_kms_envelopes_that_hide_the_content_and_reads_back() {
        int before = RECORDER.sent.size();
        ArchiveCatalog catalog = new ArchiveCatalog(store);
        RunWriter run = new RunWriter(catalog, "prod", "w1", "test", Clock.systemUTC());
        PartitionStart start = run.start("secret-orders", 0);
        SegmentRef seg;
        try (SegmentOutput out = run.openSegment("secret-orders", 0, 0, Codec.NONE, 0, 4096)) {
            for (long o = 0; o < 50; o++) {
                out.append(new ArchivedRecord(o, 1000 + o, TimestampType.CREATE_TIME, null,
                        ("payload-" + o).getBytes(StandardCharsets.UTF_8), List.of()));
            }
            seg = out.finish();
        }
        PartitionCommit c = run.commitPartition(start, "id", false, 0, 50, 0, List.of(), List.of(seg));
        RunManifest m = run.commit(List.of(new PartitionEntry("secret-orders", 0, c.seq(), c.parentSeq(), true,
                c.startOffset(), c.endOffset(), c.logStartOffset(), c.records(), c.bytes(), c.segments(),
                c.gaps())), java.time.Instant.now(), null, null, null, x -> { });

        assertThat(m.encryptionKeyId()).isEqualTo("k1");
        ArchiveCatalog fresh = new ArchiveCatalog(store);
        assertThat(fresh.manifest("prod", m.runId()).encryptionKeyId()).isEqualTo("k1");
        assertThat(fresh.history("prod", "secret-orders", 0, fresh.committedRunIds("prod"), null).records())
                .isEqualTo(50);
        assertSseOnEveryWrite(RECORDER.sent.subList(before, RECORDER.sent.size()));

        List<S3Object> objects = raw.listObjectsV2(b -> b.bucket(bucket).prefix(PREFIX + "clusters/prod/"))
                .contents();
        assertThat(objects).hasSizeGreaterThanOrEqualTo(3);
        for (S3Object o : objects) {
            byte[] bytes = raw.getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asByteArray();
            assertThat(EnvelopeHeader.hasMagic(bytes, bytes.length)).as(o.key()).isTrue();
            assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as(o.key())
                    .doesNotContain("payload-").doesNotContain("secret-orders").doesNotContain("\"format\"");
        }
    }
}
