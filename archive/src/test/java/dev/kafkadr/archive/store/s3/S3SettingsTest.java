package dev.kafkadr.archive.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkadr.archive.UsageException;
import dev.kafkadr.archive.store.StoreOptions;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** Validation and defaults of the S3 store options; no network. */
class S3SettingsTest {

    private static S3Settings settings(String uri, Map<String, String> options) {
        return S3Settings.from(URI.create(uri), StoreOptions.of(options));
    }

    @Test
    void defaults_are_8_mib_parts_2_in_flight_no_sse_and_the_default_chains() {
        S3Settings s = settings("s3://bucket", Map.of());
        assertThat(s.bucket()).isEqualTo("bucket");
        assertThat(s.prefix()).isEmpty();
        assertThat(s.partSize()).isEqualTo(8L * 1024 * 1024);
        assertThat(s.partsInFlight()).isEqualTo(2);
        assertThat(s.sse()).isEqualTo(S3Settings.Sse.NONE);
        assertThat(s.sseHeader()).isNull();
        assertThat(s.region()).isEmpty();
        assertThat(s.endpoint()).isEmpty();
        assertThat(s.accessKeyId()).isEmpty();
        assertThat(s.pathStyle()).isFalse();
    }

    @Test
    void the_prefix_gets_exactly_one_trailing_slash() {
        assertThat(settings("s3://b/", Map.of()).prefix()).isEmpty();
        assertThat(settings("s3://b/p", Map.of()).prefix()).isEqualTo("p/");
        assertThat(settings("s3://b/p/q/", Map.of()).prefix()).isEqualTo("p/q/");
        assertThat(settings("s3://b/p/q", Map.of()).fullKey("x/y")).isEqualTo("p/q/x/y");
        assertThatThrownBy(() -> settings("s3://b/p//q", Map.of())).isInstanceOf(UsageException.class);
    }

    @Test
    void sse_accepts_none_aes256_in_any_case_and_aws_kms_with_a_key() {
        assertThat(settings("s3://b", Map.of(StoreOptions.S3_SSE, "AES256")).sseHeader())
                .isEqualTo(ServerSideEncryption.AES256);
        assertThat(settings("s3://b", Map.of(StoreOptions.S3_SSE, "aes256")).sseHeader())
                .isEqualTo(ServerSideEncryption.AES256);
        assertThat(settings("s3://b", Map.of(StoreOptions.S3_SSE, "none")).sseHeader()).isNull();
        S3Settings kms = settings("s3://b", Map.of(StoreOptions.S3_SSE, "aws:kms",
                StoreOptions.S3_SSE_KMS_KEY_ID, "arn:aws:kms:eu-west-1:111122223333:key/k"));
        assertThat(kms.sseHeader()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(kms.kmsKeyHeader()).isEqualTo("arn:aws:kms:eu-west-1:111122223333:key/k");
        assertThat(settings("s3://b", Map.of(StoreOptions.S3_SSE, "aws:kms")).kmsKeyHeader()).isNull();
    }

    @Test
    void bad_sse_settings_are_usage_errors() {
        assertThatThrownBy(() -> settings("s3://b", Map.of(StoreOptions.S3_SSE, "sse-c")))
                .isInstanceOf(UsageException.class).hasMessageContaining("s3.sse");
        assertThatThrownBy(() -> settings("s3://b", Map.of(StoreOptions.S3_SSE_KMS_KEY_ID, "k")))
                .isInstanceOf(UsageException.class).hasMessageContaining("aws:kms");
        assertThatThrownBy(() -> settings("s3://b", Map.of(StoreOptions.S3_SSE, "AES256",
                StoreOptions.S3_SSE_KMS_KEY_ID, "k"))).isInstanceOf(UsageException.class);
    }

    @Test
    void part_size_and_parts_in_flight_are_bounded() {
        assertThat(settings("s3://b", Map.of(StoreOptions.S3_PART_SIZE_BYTES, "5242880")).partSize())
                .isEqualTo(5L * 1024 * 1024);
        assertThatThrownBy(() -> settings("s3://b", Map.of(StoreOptions.S3_PART_SIZE_BYTES, "5242879")))
                .isInstanceOf(UsageException.class).hasMessageContaining("at least 5242880");
        assertThatThrownBy(() -> settings("s3://b", Map.of(StoreOptions.S3_PART_SIZE_BYTES, "5368709121")))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> settings("s3://b", Map.of(StoreOptions.S3_PARTS_IN_FLIGHT, "0")))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> settings("s3://b", Map.of(StoreOptions.S3_PARTS_IN_FLIGHT, "65")))
                .isInstanceOf(UsageException.class);
        assertThat(settings("s3://b", Map.of(StoreOptions.S3_PARTS_IN_FLIGHT, "4")).partsInFlight()).isEqualTo(4);
    }

    @Test
    void static_credentials_come_as_a_pair_and_never_show_in_to_string() {
        assertThatThrownBy(() -> settings("s3://b", Map.of(StoreOptions.S3_ACCESS_KEY_ID, "AKIAEXAMPLE")))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> settings("s3://b", Map.of(StoreOptions.S3_SECRET_ACCESS_KEY, "s3cr3t")))
                .isInstanceOf(UsageException.class).satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
        assertThatThrownBy(() -> settings("s3://b", Map.of(StoreOptions.S3_SESSION_TOKEN, "t0k3n")))
                .isInstanceOf(UsageException.class);
        S3Settings s = settings("s3://b", Map.of(StoreOptions.S3_ACCESS_KEY_ID, "AKIAEXAMPLE",
                StoreOptions.S3_SECRET_ACCESS_KEY, "s3cr3t", StoreOptions.S3_SESSION_TOKEN, "t0k3n"));
        assertThat(s.toString()).doesNotContain("s3cr3t").doesNotContain("t0k3n").contains("static");
    }

    @Test
    void the_endpoint_must_be_an_http_url_without_credentials() {
        assertThat(settings("s3://b", Map.of(StoreOptions.S3_ENDPOINT, "http://127.0.0.1:9090")).endpoint())
                .contains(URI.create("http://127.0.0.1:9090"));
        assertThatThrownBy(() -> settings("s3://b", Map.of(StoreOptions.S3_ENDPOINT, "ftp://host")))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> settings("s3://b", Map.of(StoreOptions.S3_ENDPOINT, "http://u:pw@host")))
                .isInstanceOf(UsageException.class).satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw"));
        assertThatThrownBy(() -> settings("s3://b", Map.of(StoreOptions.S3_ENDPOINT, "127.0.0.1:9090")))
                .isInstanceOf(UsageException.class);
    }

    @Test
    void the_region_falls_back_to_us_east_1_only_without_option_or_chain() {
        assertThat(S3Clients.region(settings("s3://b", Map.of(StoreOptions.S3_REGION, "eu-central-1"))).id())
                .isEqualTo("eu-central-1");
    }
}
