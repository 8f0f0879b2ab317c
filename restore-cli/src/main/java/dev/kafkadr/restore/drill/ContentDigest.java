package dev.kafkadr.restore.drill;

import dev.kafkadr.archive.format.ArchivedHeader;
import dev.kafkadr.archive.format.ArchivedRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Record count and SHA-256 over the content of a sequence of records, in order: timestamp, key, value and headers
 * (null distinct from empty). Offsets and timestamp types are left out, so an archived partition and its restored
 * copy (new offsets, LogAppendTime restored as CreateTime) digest the same. Not thread-safe.
 */
public final class ContentDigest {

    private final MessageDigest sha;
    private final ByteBuffer num = ByteBuffer.allocate(8);
    private long count;

    public ContentDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void add(ArchivedRecord r) {
        count++;
        putLong(r.timestamp());
        putBytes(r.key());
        putBytes(r.value());
        putLong(r.headers().size());
        for (ArchivedHeader h : r.headers()) {
            putBytes(h.key().getBytes(StandardCharsets.UTF_8));
            putBytes(h.value());
        }
    }

    private void putLong(long v) {
        num.clear();
        num.putLong(v);
        sha.update(num.array(), 0, 8);
    }

    private void putBytes(byte[] b) {
        putLong(b == null ? -1 : b.length);
        if (b != null) {
            sha.update(b);
        }
    }

    public long count() {
        return count;
    }

    /** Lowercase hex SHA-256; the digest cannot be extended afterwards. */
    public String sha256() {
        return HexFormat.of().formatHex(sha.digest());
    }
}
