package dev.kafkadr.archive.store.s3;

import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.testkit.S3MockServer;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/** Options and a raw SDK client for tests against the shared S3Mock. Stateless. */
final class S3TestSupport {

    private S3TestSupport() {
    }

    /** Endpoint, region, path-style and static keys for S3Mock, plus {@code extra}. */
    static StoreOptions options(S3MockServer s3, Map<String, String> extra) {
        Map<String, String> m = new HashMap<>(Map.of(
                StoreOptions.S3_ENDPOINT, s3.endpoint().toString(),
                StoreOptions.S3_REGION, S3MockServer.REGION,
                StoreOptions.S3_PATH_STYLE, "true",
                StoreOptions.S3_ACCESS_KEY_ID, S3MockServer.ACCESS_KEY,
                StoreOptions.S3_SECRET_ACCESS_KEY, S3MockServer.SECRET_KEY));
        m.putAll(extra);
        return StoreOptions.of(m);
    }

    static URI uri(String bucket, String prefix) {
        return URI.create("s3://" + bucket + "/" + prefix);
    }

    /** A plain SDK client for looking behind the store's back. */
    static S3Client rawClient(S3MockServer s3) {
        return S3Client.builder().endpointOverride(s3.endpoint()).region(Region.of(S3MockServer.REGION))
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3MockServer.ACCESS_KEY, S3MockServer.SECRET_KEY)))
                .build();
    }

    /** Multipart uploads still open under {@code keyPrefix} in {@code bucket}. */
    static List<MultipartUpload> openUploads(S3Client raw, String bucket, String keyPrefix) {
        return raw.listMultipartUploads(b -> b.bucket(bucket).prefix(keyPrefix)).uploads();
    }
}
