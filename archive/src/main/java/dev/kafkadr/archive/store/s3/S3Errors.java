package dev.kafkadr.archive.store.s3;

import dev.kafkadr.archive.store.ObjectNotFoundException;
import dev.kafkadr.archive.store.StoreAccessDeniedException;
import dev.kafkadr.archive.store.StoreException;
import dev.kafkadr.archive.store.StoreUnavailableException;
import java.net.URI;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Translates SDK failures into the store's typed exceptions, each naming the store URI and the key; messages carry
 * the S3 error code and text (which never contain credentials), flattened to one line. Stateless.
 */
final class S3Errors {

    private static final Set<String> ACCESS_CODES = Set.of("AccessDenied", "InvalidAccessKeyId",
            "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken", "TokenRefreshRequired", "AllAccessDisabled",
            "AccountProblem", "InvalidSecurity", "InvalidClientTokenId", "UnrecognizedClientException",
            "KMS.AccessDeniedException");
    private static final Set<String> TRANSIENT_CODES = Set.of("SlowDown", "RequestTimeout", "InternalError",
            "ServiceUnavailable", "Throttling", "ThrottlingException", "RequestTimeTooSkewed");
    private static final int MAX_DETAIL = 300;

    private final URI store;
    private final String bucket;

    S3Errors(URI store, String bucket) {
        this.store = store;
        this.bucket = bucket;
    }

    /** The S3 error code of a service failure, or "" for anything else. */
    static String errorCode(Throwable e) {
        if (e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                && ase.awsErrorDetails().errorCode() != null) {
            return ase.awsErrorDetails().errorCode();
        }
        return "";
    }

    /** The HTTP status of a service failure, or 0 for anything else. */
    static int status(Throwable e) {
        return e instanceof AwsServiceException ase ? ase.statusCode() : 0;
    }

    /** A typed exception for a failure of {@code what} (e.g. "could not read") on {@code key}. */
    StoreException translate(String key, String what, SdkException e) {
        if (e instanceof AwsServiceException ase) {
            return service(key, what, ase);
        }
        if (e instanceof AbortedException) {
            Thread.currentThread().interrupt();
            return new StoreUnavailableException(store, key, what + ": interrupted", e);
        }
        if (e instanceof SdkClientException && oneLine(e.getMessage()).contains("Unable to load credentials")) {
            return new StoreAccessDeniedException(store, key, what + ": no AWS credentials found (set "
                    + "s3.access-key-id/s3.secret-access-key or configure the AWS default credential chain)", e);
        }
        return new StoreUnavailableException(store, key, what + ": S3 did not answer: " + oneLine(e.getMessage()), e);
    }

    private StoreException service(String key, String what, AwsServiceException e) {
        String code = errorCode(e);
        int status = e.statusCode();
        String detail = "HTTP " + status + (code.isEmpty() ? "" : " " + code) + detailText(e);
        if (code.equals("NoSuchBucket")) {
            return new ObjectNotFoundException(store, key, what + ": bucket '" + bucket + "' does not exist: create it or correct "
                    + "the bucket in the store URI", e);
        }
        if (code.equals("NoSuchKey") || status == 404) {
            return new ObjectNotFoundException(store, key, "does not exist", e);
        }
        if (status == 401 || status == 403 || ACCESS_CODES.contains(code)) {
            return new StoreAccessDeniedException(store, key, what + ": access denied by S3 (" + detail + "): check the credentials "
                    + "and the bucket policy or IAM permissions (docs/stores.md)", e);
        }
        if (status >= 500 || status == 429 || TRANSIENT_CODES.contains(code)) {
            return new StoreUnavailableException(store, key, what + ": S3 failed to answer (" + detail + ")", e);
        }
        return new StoreUnavailableException(store, key, what + ": rejected by S3 (" + detail + ")", e);
    }

    private static String detailText(AwsServiceException e) {
        String msg = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return msg == null || msg.isBlank() ? "" : ": " + oneLine(msg);
    }

    /** Collapses whitespace runs (including newlines) and caps the length, so messages stay one line. */
    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_DETAIL ? flat : flat.substring(0, MAX_DETAIL) + "...";
    }
}
