package com.buildcrm.ai.voice;

/** The endpoint answered, but with no usable transcript (an error, garbage, an empty text). */
public class TranscriptionFailedException extends RuntimeException {

    public TranscriptionFailedException(String message) {
        super(message);
    }

    public TranscriptionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
