package dev.kafkadr.archive.store.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.ObjectStores;
import dev.kafkadr.archive.store.StoreOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading keys from files, the environment and store options; malformed keys fail without echoing them. */
class EncryptionSettingsTest {

    @TempDir
    Path dir;

    private Path file(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    @Test
    void a_key_file_may_hold_hex_base64_or_raw_bytes() throws IOException {
        byte[] key = TestKeys.bytes(1);
        for (byte[] content : new byte[][] {
                (HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII),
                (" " + Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII),
                key}) {
            EncryptionKey k = EncryptionKey.fromFile("k", file("key", content));
            assertThat(k.material()).isEqualTo(key);
            assertThat(k.toString()).contains("k").doesNotContain(HexFormat.of().formatHex(key));
        }
        assertThat(EncryptionKey.fromEnv("k", "KDR_KEY", Map.of("KDR_KEY", HexFormat.of().formatHex(key)))
                .material()).isEqualTo(key);
    }

    @Test
    void a_malformed_key_fails_naming_the_source_but_never_its_content() throws IOException {
        String almost = HexFormat.of().formatHex(TestKeys.bytes(2)).substring(2); // 62 hex digits
        Path p = file("bad", almost.getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> EncryptionKey.fromFile("k", p)).isInstanceOf(EncryptionKeyException.class)
                .hasMessageContaining(p.toString()).hasMessageContaining("malformed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(almost.substring(0, 16)))
                .satisfies(e -> assertThat(((EncryptionKeyException) e).kind()).isEqualTo(FailureKind.USAGE));
        Path aes128Hex = file("short", HexFormat.of().formatHex(new byte[16]).getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> EncryptionKey.fromFile("k", aes128Hex)).as("32 hex digits are not 32 raw bytes")
                .isInstanceOf(EncryptionKeyException.class).hasMessageContaining("malformed");
        assertThatThrownBy(() -> EncryptionKey.fromFile("k", dir.resolve("missing")))
                .isInstanceOf(EncryptionKeyException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> EncryptionKey.fromEnv("k", "KDR_KEY", Map.of()))
                .isInstanceOf(EncryptionKeyException.class).hasMessageContaining("KDR_KEY")
                .hasMessageContaining("not set");
        assertThatThrownBy(() -> EncryptionKey.of("bad id!", TestKeys.bytes(1), "x"))
                .isInstanceOf(EncryptionKeyException.class).hasMessageContaining("key id 'bad id!'");
    }

    @Test
    void store_options_give_a_key_ring_with_previous_keys_or_nothing() throws IOException {
        Path current = file("current", HexFormat.of().formatHex(TestKeys.bytes(1)).getBytes(StandardCharsets.US_ASCII));
        Path old = file("old", TestKeys.bytes(2));
        KeyRing ring = EncryptionSettings.keyRing(StoreOptions.of(Map.of(
                StoreOptions.ENCRYPTION_KEY_ID, "2026-q4",
                StoreOptions.ENCRYPTION_KEY_FILE, current.toString(),
                StoreOptions.ENCRYPTION_PREVIOUS_KEY_FILES, "2026-q3=" + old)), Map.of()).orElseThrow();
        assertThat(ring.current().id()).isEqualTo("2026-q4");
        assertThat(ring.forId("2026-q3").orElseThrow().material()).isEqualTo(TestKeys.bytes(2));
        assertThat(ring.forId("2026-q1")).isEmpty();
        assertThat(EncryptionSettings.keyRing(StoreOptions.empty(), Map.of())).isEmpty();
    }

    @Test
    void inconsistent_encryption_options_are_usage_errors() throws IOException {
        Path key = file("k", TestKeys.bytes(1));
        assertThatThrownBy(() -> EncryptionSettings.keyRing(StoreOptions.of(Map.of(
                StoreOptions.ENCRYPTION_KEY_FILE, key.toString(), StoreOptions.ENCRYPTION_KEY_ENV, "X")), Map.of()))
                .isInstanceOf(EncryptionKeyException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> EncryptionSettings.keyRing(StoreOptions.of(Map.of(
                StoreOptions.ENCRYPTION_KEY_ID, "k")), Map.of()))
                .isInstanceOf(EncryptionKeyException.class).hasMessageContaining("no key");
        assertThatThrownBy(() -> EncryptionSettings.keyRing(StoreOptions.of(Map.of(
                StoreOptions.ENCRYPTION_KEY_FILE, key.toString(),
                StoreOptions.ENCRYPTION_PREVIOUS_KEY_FILES, key.toString())), Map.of()))
                .isInstanceOf(EncryptionKeyException.class).hasMessageContaining("key-id=/path");
    }

    @Test
    void object_stores_wrap_a_store_in_encryption_when_a_key_is_configured() throws IOException {
        Path key = file("k", TestKeys.bytes(1));
        try (ObjectStore s = ObjectStores.open(dir.resolve("archive").toString(), StoreOptions.of(Map.of(
                StoreOptions.ENCRYPTION_KEY_ID, "k1", StoreOptions.ENCRYPTION_KEY_FILE, key.toString())))) {
            assertThat(s).isInstanceOf(EncryptedObjectStore.class);
            assertThat(s.encryptionKeyId()).contains("k1");
            s.put("x", "hello".getBytes(StandardCharsets.UTF_8));
            assertThat(Files.readAllBytes(dir.resolve("archive/x"))).hasSize(EnvelopeHeader.BYTES + 5 + 16);
        }
        try (ObjectStore s = ObjectStores.open(dir.resolve("archive").toString(), StoreOptions.empty())) {
            assertThat(s).isNotInstanceOf(EncryptedObjectStore.class);
            assertThat(s.encryptionKeyId()).isEmpty();
        }
    }
}
