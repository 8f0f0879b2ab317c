package dev.kafkadr.archive.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkadr.archive.UsageException;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Store URI validation and option handling, above all that no credential ends up in a message. */
class ObjectStoresTest {

    private static void rejected(String uri, String expectedInMessage) {
        assertThatThrownBy(() -> ObjectStores.parse(uri)).as(uri).isInstanceOf(UsageException.class)
                .hasMessageContaining(expectedInMessage)
                .satisfies(e -> assertThat(e.getMessage()).as("one line").doesNotContain("\n"));
    }

    @Test
    void an_empty_uri_is_rejected() {
        rejected("", "empty");
        rejected("   ", "empty");
    }

    @Test
    void a_uri_without_a_scheme_is_rejected() {
        rejected("bucket/prefix", "has no scheme");
    }

    @Test
    void an_unsupported_scheme_is_rejected() {
        rejected("ftp://host/path", "unsupported store URI scheme 'ftp'");
        assertThatThrownBy(() -> ObjectStores.open(URI.create("gs://bucket/x"), StoreOptions.empty()))
                .isInstanceOf(UsageException.class).hasMessageContaining("'gs'");
    }

    @Test
    void s3_without_a_bucket_is_rejected() {
        rejected("s3:///prefix", "must name a bucket");
        rejected("s3:bucket", "must name a bucket");
    }

    @Test
    void hdfs_without_a_namenode_and_file_with_a_host_are_rejected() {
        rejected("hdfs:///data", "must name the namenode");
        rejected("file://host/data", "file:///absolute/path");
    }

    @Test
    void a_malformed_uri_is_rejected() {
        rejected("s3://bucket/a b", "malformed");
    }

    @Test
    void credentials_in_the_user_part_are_rejected_without_echoing_them() {
        for (String uri : new String[] {"s3://AKIAEXAMPLE:SuperSecret@bucket/p", "hdfs://alice:SuperSecret@nn:8020/x",
                "s3://AKIAEXAMPLE:Super/Secret@bucket/p"}) {
            assertThatThrownBy(() -> ObjectStores.parse(uri)).as(uri).isInstanceOf(UsageException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SuperSecret").doesNotContain("Secret")
                            .doesNotContain("AKIAEXAMPLE"));
            assertThatThrownBy(() -> ObjectStores.open(URI.create(uri.replace("Super/", "Super")),
                    StoreOptions.empty())).isInstanceOf(UsageException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Secret"));
        }
    }

    @Test
    void credentials_as_query_parameters_are_rejected_without_echoing_them() {
        for (String param : new String[] {"secret-access-key", "access-key-id", "session-token", "password"}) {
            String uri = "s3://bucket/p?region=us-east-1&" + param + "=TopSecretValue";
            assertThatThrownBy(() -> ObjectStores.open(uri, StoreOptions.empty())).as(param)
                    .isInstanceOf(UsageException.class).hasMessageContaining("unknown query parameter '" + param + "'")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TopSecretValue").doesNotContain("\n"));
        }
    }

    @Test
    void non_secret_s3_settings_may_come_from_the_query_and_stay_out_of_the_store_uri() {
        try (ObjectStore store = ObjectStores.open("s3://bucket/backups?endpoint=http://127.0.0.1:9&region=eu-west-1"
                + "&path-style=true&sse=aws:kms", StoreOptions.empty())) {
            assertThat(store.uri()).isEqualTo(URI.create("s3://bucket/backups"));
            assertThat(store.toString()).doesNotContain("?");
        }
    }

    @Test
    void a_bare_absolute_path_opens_a_local_store(@TempDir Path dir) {
        try (ObjectStore store = ObjectStores.open(dir.toString(), StoreOptions.empty())) {
            assertThat(store).isInstanceOf(LocalObjectStore.class);
            store.put("x", new byte[] {1});
            assertThat(store.readAll("x")).containsExactly(1);
        }
    }

    @Test
    void unknown_options_are_rejected_by_name() {
        assertThatThrownBy(() -> StoreOptions.of(Map.of("s3.secret-key", "x"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("'s3.secret-key'");
    }

    @Test
    void store_options_to_string_hides_secrets() {
        StoreOptions options = StoreOptions.of(Map.of(
                StoreOptions.S3_ACCESS_KEY_ID, "AKIAEXAMPLE",
                StoreOptions.S3_SECRET_ACCESS_KEY, "wJalrXUtnFEMI/K7MDENG",
                StoreOptions.S3_SESSION_TOKEN, "FwoGZXIvYXdzEBYaDH",
                StoreOptions.S3_REGION, "eu-west-1",
                "hdfs.conf.ssl.client.keystore.password", "changeit",
                "hdfs.conf.fs.s3a.secret.key", "hadoopSecret",
                "hdfs.conf.dfs.replication", "2"));
        assertThat(options.toString())
                .doesNotContain("wJalrXUtnFEMI").doesNotContain("FwoGZXIvYXdzEBYaDH")
                .doesNotContain("changeit").doesNotContain("hadoopSecret")
                .contains("eu-west-1").contains("dfs.replication=2").contains("[hidden]");
    }
}
