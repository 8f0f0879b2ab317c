package dev.kafkadr.archive.store.crypto;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;

/**
 * A store configured with client-side encryption holds an object that is not in the encryption envelope. Rejected
 * rather than read, so nobody can slip a forged plaintext object into an encrypted archive. Immutable.
 */
public class UnencryptedObjectException extends KdrException {

    private static final long serialVersionUID = 1L;

    public UnencryptedObjectException(String object, String found) {
        super("object " + object + " is not encrypted (" + found + ") but the store is configured with "
                + "client-side encryption");
    }

    @Override
    public FailureKind kind() {
        return FailureKind.CORRUPT;
    }

    @Override
    public String hint() {
        return "an unencrypted archive is read without encryption options; to encrypt an existing archive, back "
                + "up into a new store location with encryption enabled";
    }
}
