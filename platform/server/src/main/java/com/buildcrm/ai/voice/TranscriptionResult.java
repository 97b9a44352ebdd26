package com.buildcrm.ai.voice;

/**
 * What became of one voice note: its text, or why there is none.
 *
 * @param text the transcript, or {@code null}
 * @param failure why it was not transcribed (no tenant data), or {@code null}
 */
public record TranscriptionResult(String text, String failure) {

    public static TranscriptionResult of(String text) {
        return new TranscriptionResult(text, null);
    }

    public static TranscriptionResult failed(String reason) {
        return new TranscriptionResult(null, reason == null ? "unknown failure" : reason);
    }

    public boolean transcribed() {
        return text != null;
    }
}
