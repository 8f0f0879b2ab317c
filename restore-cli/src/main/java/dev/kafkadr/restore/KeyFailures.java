package dev.kafkadr.restore;

import dev.kafkadr.archive.KdrException;
import dev.kafkadr.archive.store.crypto.EncryptionKeyRequiredException;
import dev.kafkadr.archive.store.crypto.WrongEncryptionKeyException;

/**
 * Tells a missing or wrong encryption key (the operator's to fix: one line, exit code 6) from damage that
 * verification reports as a problem. Stateless.
 */
final class KeyFailures {

    private KeyFailures() {
    }

    /** Rethrows {@code e} if it is about the encryption key rather than the archive's content. */
    static void rethrowIfKeyProblem(KdrException e) {
        if (e instanceof EncryptionKeyRequiredException || e instanceof WrongEncryptionKeyException) {
            throw e;
        }
    }
}
