package dev.kafkadr.archive.store.crypto;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;

/**
 * An object is encrypted under a key id for which no key was configured (or no key at all was). Immutable.
 */
public class EncryptionKeyRequiredException extends KdrException {

    private static final long serialVersionUID = 1L;

    private final String object;
    private final String keyId;

    public EncryptionKeyRequiredException(String object, String keyId, String configured) {
        super("object " + object + " is encrypted with key id '" + keyId + "' but " + configured);
        this.object = object;
        this.keyId = keyId;
    }

    public String object() {
        return object;
    }

    public String keyId() {
        return keyId;
    }

    @Override
    public FailureKind kind() {
        return FailureKind.ACCESS_DENIED;
    }

    @Override
    public String hint() {
        return "pass the key with id '" + keyId + "' with --encryption-key-file/--encryption-key-env "
                + "(agent: store.encryption.key-file/store.encryption.key-env, older keys: "
                + "store.encryption.previous-key-files)";
    }
}
