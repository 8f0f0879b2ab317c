package dev.kafkadr.archive.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.store.ObjectNotFoundException;
import dev.kafkadr.archive.store.StoreAccessDeniedException;
import dev.kafkadr.archive.store.StoreException;
import dev.kafkadr.archive.store.StoreUnavailableException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Pure mapping logic: SDK failures built by hand, as the SDK builds them from responses. */
class S3ErrorsTest {

    private final S3Errors errors = new S3Errors(URI.create("s3://bkt/pre/"), "bkt");

    private static S3Exception service(int status, String code, String message) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .message(message).build();
    }

    private StoreException map(Exception e) {
        return errors.translate("seg/1.log", "could not read", (software.amazon.awssdk.core.exception.SdkException) e);
    }

    @Test
    void missing_key_and_missing_bucket_are_not_found_and_say_which() {
        assertThat(map(service(404, "NoSuchKey", "The specified key does not exist.")))
                .isInstanceOf(ObjectNotFoundException.class).hasMessage("s3://bkt/pre/seg/1.log: does not exist");
        assertThat(map(service(404, null, null))).isInstanceOf(ObjectNotFoundException.class);
        assertThat(map(service(404, "NoSuchBucket", "The specified bucket does not exist")))
                .isInstanceOf(ObjectNotFoundException.class).hasMessageContaining("bucket 'bkt' does not exist");
    }

    @Test
    void refused_credentials_are_access_denied() {
        for (String code : new String[] {"AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch"}) {
            assertThat(map(service(403, code, "nope"))).as(code).isInstanceOf(StoreAccessDeniedException.class)
                    .hasMessageContaining(code).hasMessageContaining("s3://bkt/pre/seg/1.log");
        }
        assertThat(map(service(400, "ExpiredToken", "The provided token has expired.")))
                .isInstanceOf(StoreAccessDeniedException.class);
        assertThat(map(SdkClientException.create("Unable to load credentials from any of the providers")))
                .isInstanceOf(StoreAccessDeniedException.class).hasMessageContaining("no AWS credentials");
    }

    @Test
    void server_errors_throttling_and_network_failures_are_unavailable() {
        assertThat(map(service(500, "InternalError", "We encountered an internal error.")))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("HTTP 500 InternalError");
        assertThat(map(service(503, "SlowDown", "Please reduce your request rate.")))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(map(SdkClientException.create("Unable to execute HTTP request: Connect to 127.0.0.1:1 failed")))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("Connect to 127.0.0.1:1");
    }

    @Test
    void messages_stay_on_one_line() {
        StoreException e = map(service(400, "InvalidArgument", "line one\nline two\r\n  three"));
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r").contains("line one line two three");
    }
}
