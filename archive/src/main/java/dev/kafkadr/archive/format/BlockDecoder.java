package dev.kafkadr.archive.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32C;

/** Checks and decodes one block (header + compressed payload) of a segment. Not thread-safe (reuses buffers). */
final class BlockDecoder implements AutoCloseable {

    private final String object;
    private final BlockCodec codec;
    private final CRC32C crc = new CRC32C();
    private byte[] uncompressed = new byte[0];

    BlockDecoder(String object, Codec codec) {
        this.object = object;
        this.codec = new BlockCodec(codec, 0);
    }

    /** Parsed 48-byte block header. */
    record Header(int compressedLength, int uncompressedLength, int records, long firstOffset, long lastOffset,
                  long minTimestamp, long maxTimestamp, int crc) {
    }

    /** Parses and sanity-checks a block header; {@code blockHeader} holds at least 48 bytes. */
    Header parseHeader(byte[] blockHeader, int block, long position) {
        ByteBuffer b = ByteBuffer.wrap(blockHeader, 0, SegmentFormat.BLOCK_HEADER_BYTES);
        Header h = new Header(b.getInt(), b.getInt(), b.getInt(), b.getLong(), b.getLong(), b.getLong(),
                b.getLong(), b.getInt());
        if (h.compressedLength() < 0 || h.uncompressedLength() < 0 || h.records() <= 0
                || h.firstOffset() < 0 || h.lastOffset() < h.firstOffset() || h.minTimestamp() > h.maxTimestamp()) {
            throw new CorruptSegmentException(object, block, position, "block header is invalid: " + h);
        }
        return h;
    }

    /** Verifies the CRC32C, decompresses and decodes the records of a block. */
    List<ArchivedRecord> decode(Header h, byte[] blockHeader, byte[] payload, int payloadOffset, int block,
                                long position) {
        crc.reset();
        crc.update(blockHeader, 0, 44);
        crc.update(payload, payloadOffset, h.compressedLength());
        int actual = (int) crc.getValue();
        if (actual != h.crc()) {
            throw new CorruptSegmentException(object, block, position, String.format(
                    "CRC32C mismatch: block header says %08x, data gives %08x", h.crc(), actual));
        }
        if (uncompressed.length < h.uncompressedLength()) {
            uncompressed = new byte[h.uncompressedLength()];
        }
        try {
            codec.decompress(payload, payloadOffset, h.compressedLength(), uncompressed, h.uncompressedLength());
        } catch (IOException e) {
            throw new CorruptSegmentException(object, block, position, e.getMessage(), e);
        }
        List<ArchivedRecord> records;
        try {
            records = RecordCodec.decode(uncompressed, h.uncompressedLength(), h.records(), h.firstOffset(),
                    h.minTimestamp());
        } catch (RuntimeException e) {
            throw new CorruptSegmentException(object, block, position, "undecodable records: " + e.getMessage(), e);
        }
        checkRecords(h, records, block, position);
        return records;
    }

    private void checkRecords(Header h, List<ArchivedRecord> records, int block, long position) {
        long prev = -1;
        for (ArchivedRecord r : records) {
            if (r.offset() <= prev || r.timestamp() < h.minTimestamp() || r.timestamp() > h.maxTimestamp()) {
                throw new CorruptSegmentException(object, block, position, "record at offset " + r.offset()
                        + " is out of order or outside the block's timestamp range");
            }
            prev = r.offset();
        }
        if (records.get(0).offset() != h.firstOffset() || prev != h.lastOffset()) {
            throw new CorruptSegmentException(object, block, position, "records span offsets "
                    + records.get(0).offset() + ".." + prev + ", block header says " + h.firstOffset() + ".."
                    + h.lastOffset());
        }
    }

    @Override
    public void close() {
        codec.close();
    }
}
