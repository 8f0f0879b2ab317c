package dev.kafkadr.restore.cli;

import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.ObjectStores;
import dev.kafkadr.archive.store.StoreOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The archive options every command shares: {@code --store URI}, repeatable {@code --store-option KEY=VALUE},
 * the client-side encryption key options and {@code --cluster NAME}. Mixin; not thread-safe (picocli fills it in).
 */
public final class ArchiveOptions {

    @Option(names = "--store", required = true, paramLabel = "URI",
            description = "Archive location: file:///path, s3://bucket/prefix[?endpoint=URL&region=R&path-style=true]"
                    + " or hdfs://namenode:port/path. S3 credentials come from the environment (AWS_* variables)"
                    + " or --store-option.")
    String store;

    @Option(names = "--store-option", paramLabel = "KEY=VALUE",
            description = "A store setting (repeatable): s3.endpoint, s3.region, s3.path-style-access,"
                    + " s3.access-key-id, s3.secret-access-key, s3.session-token, s3.sse, s3.sse-kms-key-id,"
                    + " hdfs.conf.<hadoop key>, local.fsync, encryption.key-file, encryption.key-env,"
                    + " encryption.key-id, encryption.previous-key-files.")
    Map<String, String> storeOptions = new LinkedHashMap<>();

    @Option(names = "--encryption-key-file", paramLabel = "PATH",
            description = "Key file of a client-side encrypted archive (64 hex digits, base64 or 32 raw bytes).")
    String encryptionKeyFile;

    @Option(names = "--encryption-key-env", paramLabel = "VAR",
            description = "Environment variable holding the key of a client-side encrypted archive.")
    String encryptionKeyEnv;

    @Option(names = "--encryption-key-id", paramLabel = "ID",
            description = "Id of that key; without it the key is tried for whatever key id the archive names.")
    String encryptionKeyId;

    @Option(names = "--encryption-previous-key", paramLabel = "ID=PATH",
            description = "Key file of an earlier rotation (repeatable), for runs written with that key id.")
    List<String> previousKeys = new ArrayList<>();

    @Option(names = "--cluster", paramLabel = "NAME",
            description = "Archived cluster name; needed only when the store holds backups of several clusters.")
    String cluster;

    /** Opens the store; the caller closes it. */
    public ObjectStore open() {
        return ObjectStores.open(store, StoreOptions.of(withEncryption()));
    }

    /** The store options plus the encryption options (key locations only, never key bytes). */
    Map<String, String> withEncryption() {
        Map<String, String> m = new LinkedHashMap<>(storeOptions);
        putIf(m, StoreOptions.ENCRYPTION_KEY_FILE, encryptionKeyFile);
        putIf(m, StoreOptions.ENCRYPTION_KEY_ENV, encryptionKeyEnv);
        putIf(m, StoreOptions.ENCRYPTION_KEY_ID, encryptionKeyId);
        if (!previousKeys.isEmpty()) {
            m.put(StoreOptions.ENCRYPTION_PREVIOUS_KEY_FILES, String.join(",", previousKeys));
        }
        return m;
    }

    private static void putIf(Map<String, String> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }

    public ArchiveCatalog catalog(ObjectStore opened) {
        return new ArchiveCatalog(opened);
    }

    public String cluster() {
        return cluster;
    }
}
