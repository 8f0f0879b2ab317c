package dev.kafkadr.archive.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads a segment with ranged reads: header and trailer first, then the index, then only the blocks needed to start
 * at an offset or a timestamp (docs/archive-format.md, "Reading"). Not thread-safe.
 */
public final class SegmentSeeker implements AutoCloseable {

    /** How much of the object's end is fetched at once, hoping the index fits. */
    static final int TAIL_FETCH_BYTES = 64 * 1024;

    private final RangeSource source;
    private final SegmentFooter footer;
    private final BlockDecoder decoder;

    private SegmentSeeker(RangeSource source, SegmentFooter footer) {
        this.source = source;
        this.footer = footer;
        this.decoder = new BlockDecoder(source.name(), footer.codec());
    }

    /** Reads and checks header, trailer and index. */
    public static SegmentSeeker open(RangeSource source) {
        String name = source.name();
        long size = source.size();
        long minimum = SegmentFormat.HEADER_BYTES + SegmentFormat.END_MARKER_BYTES + SegmentFormat.TRAILER_BYTES;
        if (size < minimum) {
            throw new CorruptSegmentException(name, -1, size, "truncated: " + size + " bytes is smaller than the "
                    + minimum + " bytes of an empty segment");
        }
        Codec codec = SegmentFooter.parseHeader(name, read(source, 0, SegmentFormat.HEADER_BYTES, -1));
        int tailLen = (int) Math.min(size - SegmentFormat.HEADER_BYTES, TAIL_FETCH_BYTES);
        long tailPos = size - tailLen;
        byte[] tail = read(source, tailPos, tailLen, -1);
        long trailerPos = size - SegmentFormat.TRAILER_BYTES;
        SegmentFooter.Trailer tr = SegmentFooter.parseTrailer(name, tail, tailLen - SegmentFormat.TRAILER_BYTES,
                trailerPos);
        SegmentFooter footer;
        if (tr.indexPosition() >= tailPos) {
            footer = SegmentFooter.parseIndex(name, codec, tr, tail, (int) (tr.indexPosition() - tailPos));
        } else {
            byte[] idx = read(source, tr.indexPosition(), (int) tr.indexLength(), -1);
            footer = SegmentFooter.parseIndex(name, codec, tr, idx, 0);
        }
        return new SegmentSeeker(source, footer);
    }

    public SegmentFooter footer() {
        return footer;
    }

    /** Records with offset ≥ {@code offset}, fetching blocks from the first one that can hold it. */
    public Iterator<ArchivedRecord> fromOffset(long offset) {
        List<BlockInfo> blocks = footer.blocks();
        int first = 0;
        while (first < blocks.size() && blocks.get(first).lastOffset() < offset) {
            first++;
        }
        return new BlockIterator(first, r -> r.offset() >= offset);
    }

    /**
     * Records from the first one whose timestamp is ≥ {@code timestamp} (in offset order) onwards, fetching blocks
     * from the first one whose largest timestamp reaches it; like Kafka's offsetsForTimes.
     */
    public Iterator<ArchivedRecord> fromTimestamp(long timestamp) {
        List<BlockInfo> blocks = footer.blocks();
        int first = 0;
        while (first < blocks.size() && blocks.get(first).maxTimestamp() < timestamp) {
            first++;
        }
        boolean[] started = {false};
        return new BlockIterator(first, r -> started[0] || (started[0] = r.timestamp() >= timestamp));
    }

    private static byte[] read(RangeSource source, long position, int length, int block) {
        try (InputStream in = source.open(position, length)) {
            byte[] b = in.readNBytes(length);
            if (b.length != length) {
                throw new CorruptSegmentException(source.name(), block, position + b.length, "truncated: expected "
                        + length + " bytes at " + position + " but the object ended after " + b.length);
            }
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source.name() + " at byte " + position, e);
        }
    }

    @Override
    public void close() {
        decoder.close();
    }

    /** Fetches one block per ranged read, lazily. */
    private final class BlockIterator implements Iterator<ArchivedRecord> {
        private final java.util.function.Predicate<ArchivedRecord> filter;
        private int nextBlock;
        private Iterator<ArchivedRecord> current = Collections.emptyIterator();
        private ArchivedRecord lookahead;

        BlockIterator(int firstBlock, java.util.function.Predicate<ArchivedRecord> filter) {
            this.nextBlock = firstBlock;
            this.filter = filter;
        }

        @Override
        public boolean hasNext() {
            while (lookahead == null) {
                while (!current.hasNext()) {
                    if (nextBlock >= footer.blocks().size()) {
                        return false;
                    }
                    current = fetch(nextBlock++).iterator();
                }
                ArchivedRecord r = current.next();
                if (filter.test(r)) {
                    lookahead = r;
                }
            }
            return true;
        }

        @Override
        public ArchivedRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ArchivedRecord r = lookahead;
            lookahead = null;
            return r;
        }

        private List<ArchivedRecord> fetch(int i) {
            BlockInfo bi = footer.blocks().get(i);
            byte[] bytes = read(source, bi.position(), bi.length(), i);
            BlockDecoder.Header h = decoder.parseHeader(bytes, i, bi.position());
            if (SegmentFormat.BLOCK_HEADER_BYTES + h.compressedLength() != bi.length() || h.records() != bi.records()
                    || h.firstOffset() != bi.firstOffset() || h.lastOffset() != bi.lastOffset()) {
                throw new CorruptSegmentException(source.name(), i, bi.position(),
                        "block header does not match its index entry " + bi);
            }
            return decoder.decode(h, bytes, bytes, SegmentFormat.BLOCK_HEADER_BYTES, i, bi.position());
        }
    }
}
