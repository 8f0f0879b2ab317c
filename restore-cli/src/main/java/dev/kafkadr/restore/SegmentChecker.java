package dev.kafkadr.restore;

import dev.kafkadr.archive.KdrException;
import dev.kafkadr.archive.format.SegmentFooter;
import dev.kafkadr.archive.format.SegmentReader;
import dev.kafkadr.archive.manifest.SegmentRef;
import dev.kafkadr.archive.store.ObjectInfo;
import dev.kafkadr.archive.store.ObjectNotFoundException;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.crypto.TamperedObjectException;
import dev.kafkadr.archive.store.crypto.UnencryptedObjectException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Checks one referenced segment object: it exists, has the recorded size and SHA-256 (streamed, never held in
 * memory), and with deep checking decodes completely (every block CRC, index and trailer) into the recorded record
 * count and offsets — all in one read. Stateless and thread-safe.
 */
final class SegmentChecker {

    private final ObjectStore store;

    SegmentChecker(ObjectStore store) {
        this.store = store;
    }

    /** Problems of {@code ref}, referenced from {@code partition} (topic-partition). */
    List<VerificationProblem> check(SegmentRef ref, String partition, boolean deep) {
        List<VerificationProblem> problems = new ArrayList<>();
        String offsets = ref.baseOffset() + ".." + ref.lastOffset();
        Optional<ObjectInfo> info = store.stat(ref.key());
        if (info.isEmpty()) {
            problems.add(problem(VerificationProblem.Kind.MISSING_OBJECT, ref, partition, offsets,
                    "referenced segment does not exist"));
            return problems;
        }
        if (info.get().size() != ref.bytes()) {
            problems.add(problem(VerificationProblem.Kind.SIZE_MISMATCH, ref, partition, offsets, "object has "
                    + info.get().size() + " bytes, the commit records " + ref.bytes()));
        }
        MessageDigest sha = sha256();
        try (InputStream raw = store.get(ref.key()); DigestInputStream in = new DigestInputStream(raw, sha)) {
            if (deep) {
                decode(ref, in, partition, offsets, problems);
            }
            in.transferTo(OutputStream.nullOutputStream());
        } catch (ObjectNotFoundException e) {
            problems.add(problem(VerificationProblem.Kind.MISSING_OBJECT, ref, partition, offsets,
                    "referenced segment disappeared while being read"));
            return problems;
        } catch (TamperedObjectException | UnencryptedObjectException e) {
            if (problems.stream().noneMatch(p -> p.kind() == VerificationProblem.Kind.CORRUPT_SEGMENT)) {
                problems.add(problem(VerificationProblem.Kind.CORRUPT_SEGMENT, ref, partition, offsets,
                        e.getMessage()));
            }
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + ref.key(), e);
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (!actual.equals(ref.sha256())) {
            problems.add(problem(VerificationProblem.Kind.CHECKSUM_MISMATCH, ref, partition, offsets, "SHA-256 is "
                    + actual + ", the commit records " + ref.sha256()));
        }
        return problems;
    }

    private static void decode(SegmentRef ref, InputStream in, String partition, String offsets,
                               List<VerificationProblem> problems) {
        InputStream unclosed = new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // the caller finishes the digest and closes
            }
        };
        try (SegmentReader reader = SegmentReader.open(unclosed, ref.key())) {
            while (reader.hasNext()) {
                reader.next();
            }
            SegmentFooter f = reader.footer();
            if (f.records() != ref.records() || f.firstOffset() != ref.baseOffset()
                    || f.lastOffset() != ref.lastOffset()) {
                problems.add(problem(VerificationProblem.Kind.INCONSISTENT, ref, partition, offsets, "segment holds "
                        + f.records() + " records at offsets " + f.firstOffset() + ".." + f.lastOffset()
                        + ", the commit records " + ref.records() + " at " + offsets));
            }
        } catch (KdrException e) {
            KeyFailures.rethrowIfKeyProblem(e);
            problems.add(problem(VerificationProblem.Kind.CORRUPT_SEGMENT, ref, partition, offsets, e.getMessage()));
        }
    }

    private static VerificationProblem problem(VerificationProblem.Kind kind, SegmentRef ref, String partition,
                                               String offsets, String message) {
        return new VerificationProblem(kind, ref.key(), partition, offsets, message);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
