package dev.kafkadr.archive.store.s3;

import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the SDK client for an S3 store: region (option, else the SDK's region chain, else us-east-1), endpoint
 * override, path-style access, static or default-chain credentials, and the Apache 5 HTTP client. Stateless.
 */
final class S3Clients {

    static final Region FALLBACK_REGION = Region.US_EAST_1;

    private S3Clients() {
    }

    /** A client and the credentials provider it uses (which the client does not close itself). */
    record Built(S3Client client, AwsCredentialsProvider credentials) implements AutoCloseable {
        @Override
        public void close() {
            try {
                client.close();
            } finally {
                if (credentials instanceof AutoCloseable c) {
                    try {
                        c.close();
                    } catch (Exception ignored) {
                        // releasing a credentials cache; nothing to do about a failure
                    }
                }
            }
        }

        @Override
        public String toString() {
            return "S3 client";
        }
    }

    /**
     * Builds the client; {@code customizer} runs last (tests use it for short timeouts and request interceptors).
     */
    static Built build(S3Settings settings, Consumer<S3ClientBuilder> customizer) {
        AwsCredentialsProvider credentials = credentials(settings);
        int maxConnections = Math.max(50, settings.partsInFlight() * 4);
        S3ClientBuilder builder = S3Client.builder()
                .region(region(settings))
                .forcePathStyle(settings.pathStyle())
                .credentialsProvider(credentials)
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(maxConnections));
        settings.endpoint().ifPresent(builder::endpointOverride);
        customizer.accept(builder);
        try {
            return new Built(builder.build(), credentials);
        } catch (RuntimeException e) {
            if (credentials instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    static Region region(S3Settings settings) {
        if (settings.region().isPresent()) {
            return Region.of(settings.region().get());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException noRegionConfigured) {
            return FALLBACK_REGION;
        }
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.accessKeyId().isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        String id = settings.accessKeyId().get();
        String secret = settings.secretAccessKey().orElseThrow();
        return StaticCredentialsProvider.create(settings.sessionToken().isPresent()
                ? AwsSessionCredentials.create(id, secret, settings.sessionToken().get())
                : AwsBasicCredentials.create(id, secret));
    }
}
