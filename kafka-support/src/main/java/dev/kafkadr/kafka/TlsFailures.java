package dev.kafkadr.kafka;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;

/**
 * Says in words why a TLS handshake or TLS set-up failed, from the JDK exceptions under Kafka's
 * {@code SslAuthenticationException} ("SSL handshake failed") or {@code KafkaException} ("Failed to load SSL
 * keystore ..."), and what to check. Stateless.
 */
final class TlsFailures {

    /** One-line reason and the operator's next step. */
    record Explained(String reason, String hint) {
    }

    private TlsFailures() {
    }

    /** Explains a failed handshake ({@code SslAuthenticationException} and its causes). */
    static Explained handshake(Throwable t) {
        Throwable root = root(t);
        String detail = oneLine(root);
        String all = chainText(t);
        if (has(t, CertificateExpiredException.class) || has(t, CertificateNotYetValidException.class)) {
            return new Explained("the broker's certificate has expired or is not yet valid (" + detail + ")",
                    "renew the broker's certificate, or check this machine's clock");
        }
        if (has(t, CertPathBuilderException.class) || all.contains("pkix path building failed")
                || all.contains("unable to find valid certification path")) {
            return new Explained("the broker's certificate is not trusted (" + detail + ")",
                    "check that ssl.truststore.location in --command-config holds the CA that signed the broker's "
                            + "certificate (and ssl.truststore.type/password)");
        }
        if (all.contains("subject alternative") || all.contains("no name matching")) {
            return new Explained("the broker's certificate does not name the host connected to (" + detail + ")",
                    "connect with a host name or IP address the certificate lists as subject alternative name");
        }
        if (all.contains("unsupported or unrecognized ssl message") || all.contains("plaintext connection")) {
            return new Explained("the listener does not speak TLS (" + detail + ")",
                    "check security.protocol in --command-config against the broker's listener (SASL_SSL, SSL, "
                            + "SASL_PLAINTEXT or PLAINTEXT)");
        }
        return new Explained(detail, "check security.protocol and ssl.truststore.* / ssl.keystore.* in "
                + "--command-config");
    }

    /** A Kafka client could not be built because a key or trust store could not be loaded; null if that is not it. */
    static Explained storeLoad(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (c instanceof org.apache.kafka.common.KafkaException && m.startsWith("Failed to load SSL keystore")) {
                Throwable why = c.getCause() == null ? c : c.getCause(); // e.g. "keystore password was incorrect"
                return new Explained(oneLine(c) + (why == c ? "" : " (" + oneLine(why) + ")"),
                        "check ssl.truststore.* / ssl.keystore.* (location, type, password) in --command-config");
            }
        }
        return null;
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable root(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static String chainText(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append(' ');
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
