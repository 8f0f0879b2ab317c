package dev.kafkadr.archive.store.crypto;

import dev.kafkadr.archive.UsageException;

/**
 * An encryption key cannot be loaded: a missing or unreadable key file, an unset environment variable, content that
 * is not a 256-bit key, a bad key id. The message names the source, never the key. Immutable.
 */
public class EncryptionKeyException extends UsageException {

    private static final long serialVersionUID = 1L;

    public EncryptionKeyException(String message) {
        super(message);
    }

    @Override
    public String hint() {
        return "a key is 32 random bytes, written as 64 hex digits or base64 (e.g. 'openssl rand -hex 32')";
    }
}
