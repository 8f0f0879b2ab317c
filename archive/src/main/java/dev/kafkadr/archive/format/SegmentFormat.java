package dev.kafkadr.archive.format;

/** Byte-layout constants of segment format version 1 (see docs/archive-format.md, section 3). Stateless. */
public final class SegmentFormat {

    /** "KDRS" */
    public static final int MAGIC = 0x4B445253;
    /** "KDRE" */
    public static final int END_MAGIC = 0x4B445245;
    public static final int VERSION = 1;
    public static final int HEADER_BYTES = 16;
    public static final int BLOCK_HEADER_BYTES = 48;
    public static final int END_MARKER = 0xFFFFFFFF;
    public static final int END_MARKER_BYTES = 4;
    public static final int INDEX_ENTRY_BYTES = 48;
    public static final int TRAILER_BYTES = 64;
    /** Default uncompressed payload size at which a block is closed. */
    public static final int DEFAULT_BLOCK_BYTES = 1 << 20;
    /** File name suffix of segment objects. */
    public static final String SUFFIX = ".kseg";

    private SegmentFormat() {
    }
}
