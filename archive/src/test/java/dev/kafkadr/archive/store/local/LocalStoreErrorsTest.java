package dev.kafkadr.archive.store.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.store.StoreException;
import dev.kafkadr.archive.store.StoreOptions;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exceptions the JDK throws for a full or misplaced local store become one-line messages that say what to do.
 * The real ENOSPC path (a size-limited tmpfs) is exercised by the kdr-agent bad-input catalogue (A20).
 */
class LocalStoreErrorsTest {

    @TempDir
    Path dir;

    @Test
    void a_full_device_names_the_store_directory_and_what_to_do() {
        LocalObjectStore store = new LocalObjectStore(dir, StoreOptions.empty());
        // FileChannel.write on a full filesystem throws exactly this (strerror(ENOSPC))
        StoreException e = store.translate("a/b", "could not write", new IOException("No space left on device"));
        assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(e.getMessage()).isEqualTo(dir.toUri() + "a/b: could not write: no space left on the device that"
                + " holds " + dir + ": free space there or point the store at a larger volume");
        // Files.createFile / createDirectories on a full filesystem throw a FileSystemException with that reason
        StoreException create = store.translate("a/b", "could not start writing",
                new FileSystemException(dir.resolve(".kdr-tmp").toString(), null, "No space left on device"));
        assertThat(create.getMessage()).contains("no space left on the device that holds " + dir);
    }

    @Test
    void a_file_system_error_shows_the_path_and_reason_without_the_exception_class() {
        LocalObjectStore store = new LocalObjectStore(dir, StoreOptions.empty());
        StoreException e = store.translate("k", "could not start writing",
                new FileSystemException("/x/archive", null, "Not a directory"));
        assertThat(e.getMessage()).isEqualTo(dir.toUri() + "k: could not start writing: /x/archive: Not a directory:"
                + " check that the store path is a writable directory").doesNotContain("Exception");
    }
}
