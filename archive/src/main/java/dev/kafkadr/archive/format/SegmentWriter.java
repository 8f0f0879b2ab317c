package dev.kafkadr.archive.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Streams records of one partition into a segment (docs/archive-format.md, section 3): header, compressed blocks
 * with CRC32C, end marker, index and trailer, computing the object's SHA-256 on the way. Holds at most one block of
 * records in memory. Offsets must strictly increase. Does not close the output stream. Not thread-safe.
 */
public final class SegmentWriter implements AutoCloseable {

    private static final int RECORD_OVERHEAD_ESTIMATE = 24;

    private final OutputStream out;
    private final BlockCodec codec;
    private final int blockBytes;
    private final MessageDigest sha256;
    private final CRC32C crc = new CRC32C();
    private final GrowableBytes payload;
    private final GrowableBytes compressed;
    private final GrowableBytes index = new GrowableBytes(4096);
    private final ByteBuffer scratch = ByteBuffer.allocate(SegmentFormat.TRAILER_BYTES);
    private final List<ArchivedRecord> pending = new ArrayList<>();

    private long pendingBytes;
    private long position;
    private long records;
    private long payloadTotal;
    private int blocks;
    private long firstOffset = -1;
    private long lastOffset = -1;
    private long minTimestamp = Long.MAX_VALUE;
    private long maxTimestamp = Long.MIN_VALUE;
    private SegmentSummary summary;

    /**
     * @param out        where the segment bytes go (e.g. an {@code ObjectUpload})
     * @param codec      block compression
     * @param level      codec level (zstd: 1–22, 0 = default 3); ignored by other codecs
     * @param blockBytes uncompressed payload size at which a block is closed
     */
    public SegmentWriter(OutputStream out, Codec codec, int level, int blockBytes) {
        if (blockBytes < 1024) {
            throw new IllegalArgumentException("block size must be at least 1024 bytes, was " + blockBytes);
        }
        this.out = out;
        this.codec = new BlockCodec(codec, level);
        this.blockBytes = blockBytes;
        this.payload = new GrowableBytes(blockBytes + blockBytes / 4);
        this.compressed = new GrowableBytes(blockBytes / 2);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        writeHeader(codec);
    }

    public SegmentWriter(OutputStream out, Codec codec) {
        this(out, codec, 0, SegmentFormat.DEFAULT_BLOCK_BYTES);
    }

    private void writeHeader(Codec c) {
        scratch.clear();
        scratch.putInt(SegmentFormat.MAGIC).putShort((short) SegmentFormat.VERSION).put((byte) c.id()).put((byte) 0)
                .putInt(0);
        crc.reset();
        crc.update(scratch.array(), 0, 12);
        scratch.putInt((int) crc.getValue());
        emit(scratch.array(), 0, SegmentFormat.HEADER_BYTES);
    }

    /** Adds a record; its offset must be greater than the previous one's. */
    public void append(ArchivedRecord r) {
        if (summary != null) {
            throw new IllegalStateException("segment already finished");
        }
        if (r.offset() < 0 || (lastOffset >= 0 && r.offset() <= lastOffset)) {
            throw new IllegalArgumentException("offset " + r.offset() + " does not follow " + lastOffset);
        }
        if (firstOffset < 0) {
            firstOffset = r.offset();
        }
        lastOffset = r.offset();
        minTimestamp = Math.min(minTimestamp, r.timestamp());
        maxTimestamp = Math.max(maxTimestamp, r.timestamp());
        records++;
        int size = r.payloadBytes();
        payloadTotal += size;
        pending.add(r);
        pendingBytes += size + RECORD_OVERHEAD_ESTIMATE + 8L * r.headers().size();
        if (pendingBytes >= blockBytes) {
            flushBlock();
        }
    }

    /** Bytes the segment would have if finished now (written so far plus the pending block uncompressed). */
    public long estimatedBytes() {
        return position + pendingBytes;
    }

    public long records() {
        return records;
    }

    /** Offset of the last appended record, or -1. */
    public long lastOffset() {
        return lastOffset;
    }

    private void flushBlock() {
        if (pending.isEmpty()) {
            return;
        }
        long base = pending.get(0).offset();
        long last = pending.get(pending.size() - 1).offset();
        long minTs = Long.MAX_VALUE;
        long maxTs = Long.MIN_VALUE;
        for (ArchivedRecord r : pending) {
            minTs = Math.min(minTs, r.timestamp());
            maxTs = Math.max(maxTs, r.timestamp());
        }
        payload.reset();
        for (ArchivedRecord r : pending) {
            RecordCodec.encode(r, base, minTs, payload);
        }
        int count = pending.size();
        pending.clear();
        pendingBytes = 0;
        int clen;
        try {
            clen = codec.compress(payload.array(), payload.size(), compressed);
        } catch (IOException e) {
            throw new UncheckedIOException("compressing block " + blocks, e);
        }
        scratch.clear();
        scratch.putInt(clen).putInt(payload.size()).putInt(count).putLong(base).putLong(last).putLong(minTs)
                .putLong(maxTs);
        crc.reset();
        crc.update(scratch.array(), 0, 44);
        crc.update(compressed.array(), 0, clen);
        scratch.putInt((int) crc.getValue());
        long blockPos = position;
        emit(scratch.array(), 0, SegmentFormat.BLOCK_HEADER_BYTES);
        emit(compressed.array(), 0, clen);
        ByteBuffer entry = ByteBuffer.wrap(new byte[SegmentFormat.INDEX_ENTRY_BYTES]);
        entry.putLong(blockPos).putInt(SegmentFormat.BLOCK_HEADER_BYTES + clen).putInt(count).putLong(base)
                .putLong(last).putLong(minTs).putLong(maxTs);
        index.write(entry.array(), 0, SegmentFormat.INDEX_ENTRY_BYTES);
        blocks++;
    }

    /** Writes the last block, the end marker, the index and the trailer, and flushes the output. */
    public SegmentSummary finish() {
        if (summary != null) {
            return summary;
        }
        flushBlock();
        scratch.clear();
        scratch.putInt(SegmentFormat.END_MARKER);
        emit(scratch.array(), 0, SegmentFormat.END_MARKER_BYTES);
        long indexPos = position;
        crc.reset();
        crc.update(index.array(), 0, index.size());
        int indexCrc = (int) crc.getValue();
        emit(index.array(), 0, index.size());
        scratch.clear();
        scratch.putLong(indexPos).putInt(blocks).putLong(records).putLong(firstOffset).putLong(lastOffset)
                .putLong(minTimestamp).putLong(maxTimestamp).putInt(indexCrc);
        crc.reset();
        crc.update(scratch.array(), 0, 56);
        scratch.putInt((int) crc.getValue()).putInt(SegmentFormat.END_MAGIC);
        emit(scratch.array(), 0, SegmentFormat.TRAILER_BYTES);
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("flushing segment", e);
        }
        codec.close();
        summary = new SegmentSummary(position, HexFormat.of().formatHex(sha256.digest()), records, firstOffset,
                lastOffset, minTimestamp, maxTimestamp, blocks, payloadTotal, codec.codec());
        return summary;
    }

    private void emit(byte[] b, int off, int len) {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw new UncheckedIOException("writing segment at byte " + position, e);
        }
        sha256.update(b, off, len);
        position += len;
    }

    /** Releases native codec contexts; does not finish the segment. */
    @Override
    public void close() {
        codec.close();
    }
}
