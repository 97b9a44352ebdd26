package com.buildcrm.provisioner;

/** The archive cannot be imported: corrupt, truncated, not ours, or from a newer version. */
public class InvalidArchiveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidArchiveException(String message) {
        super(message);
    }

    public InvalidArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
