package dev.kafkadr.archive.format;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads a whole segment front to back from a stream (one GET), checking every CRC, and at the end that index and
 * trailer describe exactly the blocks read; holds one block in memory. A stream that ends early fails as truncated.
 * Not thread-safe.
 */
public final class SegmentReader implements Iterator<ArchivedRecord>, AutoCloseable {

    /** Largest compressed or uncompressed block accepted, so a damaged length cannot exhaust memory. */
    static final int MAX_BLOCK_BYTES = 512 << 20;

    private final String object;
    private final DataInputStream in;
    private final Codec codec;
    private final BlockDecoder decoder;
    private final byte[] blockHeader = new byte[SegmentFormat.BLOCK_HEADER_BYTES];
    private final List<BlockInfo> seen = new ArrayList<>();
    private byte[] payload = new byte[0];
    private Iterator<ArchivedRecord> current = Collections.emptyIterator();
    private long position;
    private SegmentFooter footer;

    private SegmentReader(String object, InputStream in) {
        this.object = object;
        this.in = new DataInputStream(in);
        byte[] h = new byte[SegmentFormat.HEADER_BYTES];
        readFully(h, 0, h.length, -1, "header");
        this.codec = SegmentFooter.parseHeader(object, h);
        this.decoder = new BlockDecoder(object, codec);
    }

    /** Starts reading; checks the header. The reader closes {@code in}. */
    public static SegmentReader open(InputStream in, String object) {
        try {
            return new SegmentReader(object, in);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    public Codec codec() {
        return codec;
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (footer != null) {
                return false;
            }
            readNextBlock();
        }
        return true;
    }

    @Override
    public ArchivedRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    /** The verified footer; available once every record has been read. */
    public SegmentFooter footer() {
        if (footer == null) {
            throw new IllegalStateException("segment not read to the end yet");
        }
        return footer;
    }

    private void readNextBlock() {
        int block = seen.size();
        long blockPos = position;
        readFully(blockHeader, 0, SegmentFormat.END_MARKER_BYTES, block, "block header");
        int first = ((blockHeader[0] & 0xFF) << 24) | ((blockHeader[1] & 0xFF) << 16)
                | ((blockHeader[2] & 0xFF) << 8) | (blockHeader[3] & 0xFF);
        if (first == SegmentFormat.END_MARKER) {
            readFooter();
            return;
        }
        readFully(blockHeader, 4, SegmentFormat.BLOCK_HEADER_BYTES - 4, block, "block header");
        BlockDecoder.Header h = decoder.parseHeader(blockHeader, block, blockPos);
        if (h.compressedLength() > MAX_BLOCK_BYTES || h.uncompressedLength() > MAX_BLOCK_BYTES) {
            throw new CorruptSegmentException(object, block, blockPos, "block claims " + h.compressedLength()
                    + " compressed / " + h.uncompressedLength() + " uncompressed bytes, above the 512 MiB limit");
        }
        if (payload.length < h.compressedLength()) {
            payload = new byte[h.compressedLength()];
        }
        readFully(payload, 0, h.compressedLength(), block, "block payload");
        List<ArchivedRecord> records = decoder.decode(h, blockHeader, payload, 0, block, blockPos);
        seen.add(new BlockInfo(blockPos, SegmentFormat.BLOCK_HEADER_BYTES + h.compressedLength(), h.records(),
                h.firstOffset(), h.lastOffset(), h.minTimestamp(), h.maxTimestamp()));
        current = records.iterator();
    }

    private void readFooter() {
        long indexPos = position;
        int indexLen = seen.size() * SegmentFormat.INDEX_ENTRY_BYTES;
        byte[] tail = new byte[indexLen + SegmentFormat.TRAILER_BYTES];
        readFully(tail, 0, tail.length, -1, "index and trailer");
        try {
            if (in.read() != -1) {
                throw new CorruptSegmentException(object, -1, position, "unexpected bytes after the trailer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + object, e);
        }
        SegmentFooter.Trailer tr = SegmentFooter.parseTrailer(object, tail, indexLen, indexPos + indexLen);
        if (tr.indexPosition() != indexPos || tr.blockCount() != seen.size()) {
            throw new CorruptSegmentException(object, -1, indexPos, "trailer says " + tr.blockCount()
                    + " blocks and index at " + tr.indexPosition() + ", but " + seen.size()
                    + " blocks were read and the index starts at " + indexPos);
        }
        SegmentFooter f = SegmentFooter.parseIndex(object, codec, tr, tail, 0);
        if (!f.blocks().equals(seen)) {
            throw new CorruptSegmentException(object, -1, indexPos, "index does not describe the blocks read");
        }
        footer = f;
        decoder.close();
    }

    private void readFully(byte[] buf, int off, int len, int block, String what) {
        try {
            in.readFully(buf, off, len);
            position += len;
        } catch (EOFException e) {
            throw new CorruptSegmentException(object, block, position, "truncated: the object ends inside the "
                    + what + " (needed " + len + " more bytes)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + object + " at byte " + position, e);
        }
    }

    @Override
    public void close() {
        decoder.close();
        closeQuietly(in);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing useful to do
        }
    }
}
