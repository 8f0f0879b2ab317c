package dev.kafkadr.restore;

import dev.kafkadr.archive.format.ArchivedRecord;
import java.util.Iterator;

/** Archived records in offset order from some source, holding resources until closed. Not thread-safe. */
public interface RecordCursor extends Iterator<ArchivedRecord>, AutoCloseable {

    @Override
    void close();
}
