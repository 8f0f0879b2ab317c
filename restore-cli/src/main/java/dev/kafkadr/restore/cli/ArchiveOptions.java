package dev.kafkadr.restore.cli;

import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.ObjectStores;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The archive options every command shares: {@code --store URI}, repeatable {@code --store-option KEY=VALUE} and
 * {@code --cluster NAME}. Mixin; not thread-safe (picocli fills it in).
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
                    + " hdfs.conf.<hadoop key>, local.fsync.")
    Map<String, String> storeOptions = new LinkedHashMap<>();

    @Option(names = "--cluster", paramLabel = "NAME",
            description = "Archived cluster name; needed only when the store holds backups of several clusters.")
    String cluster;

    /** Opens the store; the caller closes it. */
    public ObjectStore open() {
        return ObjectStores.open(store, dev.kafkadr.archive.store.StoreOptions.of(storeOptions));
    }

    public ArchiveCatalog catalog(ObjectStore opened) {
        return new ArchiveCatalog(opened);
    }

    public String cluster() {
        return cluster;
    }
}
