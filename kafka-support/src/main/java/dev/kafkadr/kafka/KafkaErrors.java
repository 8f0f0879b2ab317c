package dev.kafkadr.kafka;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Turns Kafka client exceptions into kafka-dr's typed failures with one-line messages. Stateless. */
public final class KafkaErrors {

    private KafkaErrors() {
    }

    /**
     * Translates {@code t}, thrown while doing {@code what} against the cluster at {@code bootstrap}.
     * A {@link KdrException} passes through unchanged; an interrupt re-sets the thread's flag.
     */
    public static KdrException translate(Throwable t, String what, String bootstrap) {
        Throwable cause = unwrap(t);
        if (cause instanceof KdrException k) {
            return k;
        }
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new KafkaOperationException(FailureKind.INTERRUPTED, what + ": interrupted", cause);
        }
        if (cause instanceof SslAuthenticationException) {
            return new KafkaAccessDeniedException("TLS handshake with " + bootstrap + " failed while trying to "
                    + what + ": " + firstLine(cause) + rootCause(cause),
                    "check ssl.truststore.* / ssl.keystore.* in --command-config", cause);
        }
        if (cause instanceof AuthenticationException) {
            return new KafkaAccessDeniedException("authentication to " + bootstrap + " failed while trying to "
                    + what + ": " + firstLine(cause),
                    "check the SASL mechanism, user name and password in --command-config", cause);
        }
        if (cause instanceof TopicAuthorizationException ta) {
            String topics = ta.unauthorizedTopics().isEmpty() ? "" : " (topics " + ta.unauthorizedTopics() + ")";
            return new KafkaAccessDeniedException("not authorized to " + what + topics,
                    "grant the ACLs listed in docs/operations.md to this principal", cause);
        }
        if (cause instanceof GroupAuthorizationException ga) {
            return new KafkaAccessDeniedException("not authorized to " + what + " (group " + ga.groupId() + ")",
                    "grant the ACLs listed in docs/operations.md to this principal", cause);
        }
        if (cause instanceof AuthorizationException) {
            return new KafkaAccessDeniedException("not authorized to " + what + ": " + firstLine(cause),
                    "grant the ACLs listed in docs/operations.md to this principal", cause);
        }
        if (cause instanceof TimeoutException) {
            return new KafkaUnavailableException("Kafka at " + bootstrap + " did not answer while trying to " + what
                    + " (" + firstLine(cause) + ")", cause);
        }
        if (cause instanceof UnknownTopicOrPartitionException) {
            return new KafkaOperationException(FailureKind.NOT_FOUND, what + ": " + firstLine(cause), cause);
        }
        return new KafkaOperationException(FailureKind.INTERNAL, what + " failed against " + bootstrap + ": "
                + cause.getClass().getSimpleName() + ": " + firstLine(cause), cause);
    }

    static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof ExecutionException || cur instanceof CompletionException
                || (cur instanceof org.apache.kafka.common.KafkaException && cur.getCause() instanceof
                AuthenticationException)) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    /** " (deepest cause's message)" when the failure has a more specific cause, e.g. the PKIX path error. */
    private static String rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root == t || root.getMessage() == null) {
            return "";
        }
        return " (" + firstLine(root) + ")";
    }

    private static String firstLine(Throwable t) {
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
