package dev.kafkadr.archive.format;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;

/**
 * A segment's bytes are not what its format promises: bad magic, checksum mismatch, truncation, an index that does
 * not match the blocks. The message names the object, the block and byte position, and what was expected and found.
 * Immutable.
 */
public class CorruptSegmentException extends KdrException {

    private static final long serialVersionUID = 1L;

    private final String object;
    private final int block;

    public CorruptSegmentException(String object, int block, long position, String problem) {
        this(object, block, position, problem, null);
    }

    public CorruptSegmentException(String object, int block, long position, String problem, Throwable cause) {
        super("corrupt segment " + object + (block >= 0 ? " block " + block : "") + " at byte " + position
                + ": " + problem, cause);
        this.object = object;
        this.block = block;
    }

    public String object() {
        return object;
    }

    /** The block number, or -1 for the header, index or trailer. */
    public int block() {
        return block;
    }

    @Override
    public FailureKind kind() {
        return FailureKind.CORRUPT;
    }

    @Override
    public String hint() {
        return "run 'kdr verify --deep' to list every damaged object";
    }
}
