package dev.kafkadr.archive.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.testkit.JavaProcess;
import dev.kafkadr.testkit.S3MockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Without store options, the S3 store takes endpoint, region and credentials from the AWS SDK's default chains:
 * a child JVM with only {@code AWS_ENDPOINT_URL}, {@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID} and
 * {@code AWS_SECRET_ACCESS_KEY} in its environment writes to S3Mock.
 */
class S3DefaultChainIT {

    @TempDir
    Path dir;

    @Test
    void endpoint_region_and_credentials_come_from_the_environment() throws Exception {
        S3MockServer s3 = S3MockServer.shared();
        String bucket = s3.createBucket("envchain");
        Map<String, String> env = Map.of(
                "AWS_ENDPOINT_URL", s3.endpoint().toString(),
                "AWS_REGION", S3MockServer.REGION,
                "AWS_ACCESS_KEY_ID", S3MockServer.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", S3MockServer.SECRET_KEY,
                "AWS_CONFIG_FILE", dir.resolve("no-config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString(),
                "AWS_EC2_METADATA_DISABLED", "true");
        Path log = dir.resolve("child.log");
        int exit;
        try (JavaProcess child = JavaProcess.start(S3DefaultChainMain.class.getName(), List.of("-Xmx128m"),
                List.of("s3://" + bucket + "/env?path-style=true", "from-env"), env, log)) {
            exit = child.waitFor(2, TimeUnit.MINUTES);
        }
        assertThat(exit).as(Files.readString(log)).isZero();
        try (S3Client raw = S3TestSupport.rawClient(s3)) {
            assertThat(raw.getObject(b -> b.bucket(bucket).key("env/from-env"), ResponseTransformer.toBytes())
                    .asUtf8String()).isEqualTo("hello");
        }
    }
}
