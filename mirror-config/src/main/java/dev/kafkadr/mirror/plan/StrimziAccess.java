package dev.kafkadr.mirror.plan;

import java.util.List;

/**
 * How the Strimzi resource connects to one cluster: trusted CA certificates and authentication, each naming a
 * Kubernetes Secret and the key inside it, never the secret value. Immutable.
 */
public record StrimziAccess(List<TrustedCertificate> trustedCertificates, Authentication authentication) {

    public StrimziAccess {
        trustedCertificates = List.copyOf(trustedCertificates);
    }

    public static StrimziAccess none() {
        return new StrimziAccess(List.of(), null);
    }

    /** A CA certificate in a Secret, selected by exact key ({@code certificate}) or glob ({@code pattern}). */
    public record TrustedCertificate(String secretName, String certificate, String pattern) {
    }

    /**
     * Strimzi client authentication: {@code tls} uses {@code certificateAndKey}; {@code scram-sha-256},
     * {@code scram-sha-512} and {@code plain} use {@code username} and {@code passwordSecret}.
     */
    public record Authentication(String type, String username, SecretKeyRef passwordSecret,
                                 CertificateAndKey certificateAndKey) {
    }

    /** A key inside a Kubernetes Secret holding a password. */
    public record SecretKeyRef(String secretName, String password) {
    }

    /** A Secret holding a client certificate and its private key. */
    public record CertificateAndKey(String secretName, String certificate, String key) {
    }
}
