package com.buildcrm.media;

/**
 * An upload the media store refused. {@link #reason()} is stable, for the problem type an API
 * answers with; the message is for people and never contains the bytes.
 */
public class MediaRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why an upload was refused. */
    public enum Reason {
        /** No bytes at all. */
        EMPTY,
        /** More bytes than the limit given to the store. */
        TOO_LARGE,
        /** The declared or detected type is not on the allow-list. */
        TYPE_NOT_ALLOWED,
        /** The bytes are of another type than the one declared. */
        TYPE_MISMATCH,
        /** The bytes are of no type the store knows. */
        UNRECOGNISED,
        /** The bytes start like a known type but are not that type throughout. */
        MALFORMED
    }

    private final Reason reason;

    public MediaRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
