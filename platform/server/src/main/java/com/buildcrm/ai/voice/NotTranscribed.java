package com.buildcrm.ai.voice;

import jakarta.enterprise.context.Dependent;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;

/** When a transcription fails, the voice note is "not transcribed" and the turn goes on. */
@Dependent
public class NotTranscribed implements FallbackHandler<TranscriptionResult> {

    private static final Logger LOG = Logger.getLogger(NotTranscribed.class.getName());

    @Override
    public TranscriptionResult handle(ExecutionContext context) {
        // a timeout interrupts this thread; the flag must not leak into the rest of the turn
        Thread.interrupted();
        TranscriptionEndpoint endpoint = (TranscriptionEndpoint) context.getParameters()[0];
        String reason = Transcriptions.reason(context.getFailure());
        LOG.warning(() -> "voice note not transcribed by " + endpoint.baseUrl() + ": " + reason);
        return TranscriptionResult.failed(reason);
    }
}
