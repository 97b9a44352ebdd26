package com.buildcrm.secret;

/**
 * A stored secret could not be decrypted: it was altered, copied to another row or tenant (its
 * associated data differs), is not a BuildCRM ciphertext, or the server holds a different master
 * key. The message says which as far as it can be known; it never contains the secret.
 */
public class SecretDecryptionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SecretDecryptionException(String message) {
        super(message);
    }

    public SecretDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
