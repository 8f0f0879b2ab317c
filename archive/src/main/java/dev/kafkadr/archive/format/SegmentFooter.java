package dev.kafkadr.archive.format;

import dev.kafkadr.archive.store.crypto.EncryptionKeyRequiredException;
import dev.kafkadr.archive.store.crypto.EnvelopeHeader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Parses and checks the fixed parts of a segment: header, trailer and index. Stateless.
 *
 * @param codec        the block codec from the header
 * @param indexPosition where the index starts
 * @param blocks       the index entries, in block order
 * @param records      record count
 * @param firstOffset  first offset or -1
 * @param lastOffset   last offset or -1
 * @param minTimestamp smallest timestamp
 * @param maxTimestamp largest timestamp
 */
public record SegmentFooter(Codec codec, long indexPosition, List<BlockInfo> blocks, long records, long firstOffset,
                            long lastOffset, long minTimestamp, long maxTimestamp) {

    /** The trailer's fields before the index is read. */
    record Trailer(long indexPosition, int blockCount, long records, long firstOffset, long lastOffset,
                   long minTimestamp, long maxTimestamp, int indexCrc) {
        long indexLength() {
            return (long) blockCount * SegmentFormat.INDEX_ENTRY_BYTES;
        }
    }

    /** Checks the 16-byte header and returns the codec it declares. */
    static Codec parseHeader(String object, byte[] h) {
        ByteBuffer b = ByteBuffer.wrap(h, 0, SegmentFormat.HEADER_BYTES);
        int magic = b.getInt();
        if (EnvelopeHeader.hasMagic(h, h.length)) {
            throw new EncryptionKeyRequiredException(object, EnvelopeHeader.peekKeyId(h, h.length),
                    "no encryption key is configured");
        }
        if (magic != SegmentFormat.MAGIC) {
            throw new CorruptSegmentException(object, -1, 0, String.format(
                    "not a kafka-dr segment: magic is %08x, expected %08x (KDRS)", magic, SegmentFormat.MAGIC));
        }
        int version = Short.toUnsignedInt(b.getShort());
        int codecId = Byte.toUnsignedInt(b.get());
        int flags = Byte.toUnsignedInt(b.get());
        int reserved = b.getInt();
        int storedCrc = b.getInt();
        CRC32C crc = new CRC32C();
        crc.update(h, 0, 12);
        if ((int) crc.getValue() != storedCrc) {
            throw new CorruptSegmentException(object, -1, 0, String.format(
                    "header CRC32C mismatch: stored %08x, computed %08x", storedCrc, (int) crc.getValue()));
        }
        if (version != SegmentFormat.VERSION) {
            throw new UnsupportedFormatVersionException(object, version, SegmentFormat.VERSION);
        }
        Codec codec = Codec.fromId(codecId);
        if (codec == null || flags != 0 || reserved != 0) {
            throw new CorruptSegmentException(object, -1, 0, "header declares unknown codec " + codecId
                    + " or non-zero flags/reserved bytes");
        }
        return codec;
    }

    /** Checks the 64-byte trailer found at {@code position}. */
    static Trailer parseTrailer(String object, byte[] t, int off, long position) {
        ByteBuffer b = ByteBuffer.wrap(t, off, SegmentFormat.TRAILER_BYTES);
        Trailer tr = new Trailer(b.getLong(), b.getInt(), b.getLong(), b.getLong(), b.getLong(), b.getLong(),
                b.getLong(), b.getInt());
        int storedCrc = b.getInt();
        int magic = b.getInt();
        if (magic != SegmentFormat.END_MAGIC) {
            throw new CorruptSegmentException(object, -1, position, String.format(
                    "trailer magic is %08x, expected %08x (KDRE): the segment is truncated or damaged", magic,
                    SegmentFormat.END_MAGIC));
        }
        CRC32C crc = new CRC32C();
        crc.update(t, off, 56);
        if ((int) crc.getValue() != storedCrc) {
            throw new CorruptSegmentException(object, -1, position, String.format(
                    "trailer CRC32C mismatch: stored %08x, computed %08x", storedCrc, (int) crc.getValue()));
        }
        if (tr.blockCount() < 0 || tr.indexPosition() < SegmentFormat.HEADER_BYTES
                || tr.indexPosition() + tr.indexLength() != position) {
            throw new CorruptSegmentException(object, -1, position, "trailer places the index at "
                    + tr.indexPosition() + " with " + tr.blockCount() + " entries, which does not end at the trailer");
        }
        return tr;
    }

    /** Checks the index bytes against the trailer and returns the full footer. */
    static SegmentFooter parseIndex(String object, Codec codec, Trailer tr, byte[] idx, int off) {
        CRC32C crc = new CRC32C();
        crc.update(idx, off, (int) tr.indexLength());
        if ((int) crc.getValue() != tr.indexCrc()) {
            throw new CorruptSegmentException(object, -1, tr.indexPosition(), String.format(
                    "index CRC32C mismatch: trailer says %08x, index gives %08x", tr.indexCrc(), (int) crc.getValue()));
        }
        ByteBuffer b = ByteBuffer.wrap(idx, off, (int) tr.indexLength());
        List<BlockInfo> blocks = new ArrayList<>(tr.blockCount());
        long expectedPos = SegmentFormat.HEADER_BYTES;
        long records = 0;
        long prevLast = -1;
        for (int i = 0; i < tr.blockCount(); i++) {
            BlockInfo bi = new BlockInfo(b.getLong(), b.getInt(), b.getInt(), b.getLong(), b.getLong(), b.getLong(),
                    b.getLong());
            if (bi.position() != expectedPos || bi.length() < SegmentFormat.BLOCK_HEADER_BYTES || bi.records() <= 0
                    || bi.firstOffset() <= prevLast || bi.lastOffset() < bi.firstOffset()) {
                throw new CorruptSegmentException(object, i, bi.position(), "index entry is inconsistent: " + bi);
            }
            expectedPos += bi.length();
            records += bi.records();
            prevLast = bi.lastOffset();
            blocks.add(bi);
        }
        if (expectedPos + SegmentFormat.END_MARKER_BYTES != tr.indexPosition() || records != tr.records()) {
            throw new CorruptSegmentException(object, -1, tr.indexPosition(), "index covers bytes up to "
                    + expectedPos + " and " + records + " records; trailer says index at " + tr.indexPosition()
                    + " and " + tr.records() + " records");
        }
        return new SegmentFooter(codec, tr.indexPosition(), List.copyOf(blocks), tr.records(), tr.firstOffset(),
                tr.lastOffset(), tr.minTimestamp(), tr.maxTimestamp());
    }
}
