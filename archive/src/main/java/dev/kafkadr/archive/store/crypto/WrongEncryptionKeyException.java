package dev.kafkadr.archive.store.crypto;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;

/** The key configured for an object's key id is not the key the object was encrypted with. Immutable. */
public class WrongEncryptionKeyException extends KdrException {

    private static final long serialVersionUID = 1L;

    public WrongEncryptionKeyException(String object, String keyId, String source) {
        super("object " + object + " is encrypted with key id '" + keyId + "' but the key from " + source
                + " is not that key (key check mismatch)");
    }

    @Override
    public FailureKind kind() {
        return FailureKind.ACCESS_DENIED;
    }

    @Override
    public String hint() {
        return "use the key file or variable that held this key id when the archive was written";
    }
}
