package dev.kafkadr.archive.store.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.testkit.JavaProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encryption keeps uploads and reads streaming: a child JVM limited to {@code -Xmx32m} writes 96 MiB (three times
 * the heap) through an encrypted upload and reads it back whole; the plaintext SHA-256 values must match and the
 * stored size must be the envelope size. {@code -Dkdr.memtest.crypto.bytes=N} changes the size.
 */
class EncryptedStreamMemoryIT {

    private static final long SIZE = Long.getLong("kdr.memtest.crypto.bytes", 96L * 1024 * 1024);

    @TempDir
    Path dir;

    @Test
    void a_96_mib_object_is_encrypted_and_decrypted_through_a_32_mib_heap() throws Exception {
        Path log = dir.resolve("child.log");
        Path root = Files.createDirectories(dir.resolve("store"));
        int exit;
        try (JavaProcess child = JavaProcess.start(EncryptedStreamMemoryMain.class.getName(), List.of("-Xmx32m"),
                List.of(root.toString(), Long.toString(SIZE)), Map.of(), log)) {
            exit = child.waitFor(10, TimeUnit.MINUTES);
        }
        String out = Files.readString(log);
        assertThat(exit).as("child exit code; log:\n" + out).isZero();
        assertThat(value(out, "read")).isEqualTo(value(out, "written"));
        assertThat(Files.size(root.resolve("big.bin"))).isEqualTo(ObjectCipher.sealedSize(SIZE));
    }

    private static String value(String out, String name) {
        return out.lines().filter(l -> l.startsWith(name + "=")).map(l -> l.substring(name.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in child output:\n" + out));
    }
}
