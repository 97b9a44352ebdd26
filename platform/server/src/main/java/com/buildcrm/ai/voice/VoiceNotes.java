package com.buildcrm.ai.voice;

import com.buildcrm.ai.voice.TranscriptionSettings.Effective;
import com.buildcrm.brain.UnheardVoice;
import com.buildcrm.jobs.JobQueue;
import com.buildcrm.jobs.JobType;
import com.buildcrm.live.LiveEvent;
import com.buildcrm.media.MediaContent;
import com.buildcrm.media.MediaStore;
import com.buildcrm.message.Message;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Clients' voice notes turned into text for the AI turn (ADR 033). The turn hands over the voice
 * notes of its burst that were never tried; each is sent to the tenant's transcription endpoint
 * (outside any transaction, guarded by {@link Transcriptions}) and the outcome is kept on the
 * message: its transcript, or FAILED / OFF. A voice note is tried once: a later turn reads what was
 * kept.
 */
@ApplicationScoped
public class VoiceNotes {

    private static final Logger LOG = Logger.getLogger(VoiceNotes.class.getName());

    /** What the AI answers to voice notes it could not hear — once per run of them (ADR 033). */
    public static final String ASK_TO_WRITE = UnheardVoice.ASK_TO_WRITE;

    /** Voice notes transcribed in one turn at most (the newest); older ones stay FAILED. */
    static final int MAX_PER_TURN = 3;

    /** The largest file sent for transcription (OpenAI's limit is 25 MB). */
    static final long MAX_BYTES = 25L * 1024 * 1024;

    /**
     * Transcribes a voice note no AI turn will hear (the lead is led by a person, or the AI is off
     * for it); see {@link VoiceTranscriptionJob}.
     */
    public static final JobType TASK = new JobType("voice-transcription", 65);

    @Inject Storage storage;
    @Inject TenantTransactions tenants;
    @Inject TranscriptionSettings settings;
    @Inject Transcriptions transcriptions;
    @Inject MediaStore media;
    @Inject Event<LiveEvent> live;

    /** A voice note of the turn's burst that was never tried. */
    public record Pending(long messageId, long leadId, String mediaId, String mimeType) {}

    /** The voice notes among these messages that still wait for a transcription attempt. */
    public static List<Pending> pending(List<Message> messages) {
        return messages.stream()
                .filter(m -> m.isVoiceWithFile() && m.transcription() == null)
                .map(m -> new Pending(m.id(), m.leadId(), m.mediaId(), m.mediaMime()))
                .toList();
    }

    /**
     * The text a message stands for in the brain's input: a transcribed voice note is the client's
     * words; anything else is {@code null} (the caller's usual rendering).
     */
    public static String transcriptOf(Message m) {
        return "DONE".equals(m.transcription()) ? m.transcript() : null;
    }

    /** Whether a client's voice note is known to be unheard (no endpoint or it failed). */
    public static boolean unheard(Message m) {
        return "IN".equals(m.direction())
                && ("VOICE".equals(m.kind()) || "AUDIO".equals(m.kind()))
                && !"DONE".equals(m.transcription());
    }

    /**
     * Whether the AI should ask the client to write: every message of the burst is an unheard voice
     * note with no caption, and the AI's last word in the chat was not already that request (once
     * per run of voice notes, not after each one).
     *
     * @param lastAiText the text of the last outbound message before the burst, or {@code null}
     */
    public static boolean shouldAskToWrite(List<Message> burst, String lastAiText) {
        boolean allUnheard =
                !burst.isEmpty()
                        && burst.stream()
                                .allMatch(
                                        m ->
                                                unheard(m)
                                                        && (m.text() == null
                                                                || m.text().isBlank()));
        return allUnheard && !UnheardVoice.isAskToWrite(lastAiText);
    }

    /**
     * Schedules the transcription of voice note {@code messageId} in the caller's transaction (the
     * message and its job commit together), for a lead whose AI turn will not run (ADR 037).
     */
    public static void schedule(EntityManager em, long tenantId, long messageId, Instant due) {
        JobQueue.enqueue(em, TASK, tenantId, tenantId + ":" + messageId, due);
    }

    /**
     * Transcribes message {@code messageId} if it is a client's voice note never tried (anything
     * else, or a note already tried, is left alone); never throws for an endpoint's failure.
     */
    public void transcribeMessage(TenantRef tenant, long messageId) {
        List<Pending> pending =
                tenants.in(
                        tenant,
                        work -> {
                            Message m = work.em().find(Message.class, messageId);
                            return m == null ? List.<Pending>of() : pending(List.of(m));
                        });
        transcribe(tenant, pending);
    }

    /**
     * Transcribes these voice notes of a tenant and keeps the outcome on each message; never throws
     * for an endpoint's failure (the turn goes on without the text).
     */
    public void transcribe(TenantRef tenant, List<Pending> voiceNotes) {
        if (voiceNotes.isEmpty()) {
            return;
        }
        Effective effective =
                storage.transactions().inPlatform(em -> settings.effective(em, tenant.id()));
        Map<Long, TranscriptionResult> results = new LinkedHashMap<>();
        int first = Math.max(0, voiceNotes.size() - MAX_PER_TURN);
        for (int i = 0; i < voiceNotes.size(); i++) {
            Pending p = voiceNotes.get(i);
            if (effective.endpoint().isEmpty()) {
                results.put(p.messageId(), null);
            } else if (i < first) {
                results.put(p.messageId(), TranscriptionResult.failed("too many in one turn"));
            } else {
                results.put(p.messageId(), transcribeOne(tenant, effective.endpoint().get(), p));
            }
        }
        List<LiveEvent> published = new ArrayList<>();
        tenants.in(
                tenant,
                work -> {
                    for (Map.Entry<Long, TranscriptionResult> r : results.entrySet()) {
                        Message m = work.em().find(Message.class, r.getKey());
                        if (m == null || m.transcription() != null) {
                            continue; // another attempt kept its outcome meanwhile
                        }
                        TranscriptionResult result = r.getValue();
                        if (result == null) {
                            m.notTranscribed(false);
                        } else if (result.transcribed()) {
                            m.transcribed(result.text());
                        } else {
                            m.notTranscribed(true);
                        }
                        published.add(
                                new LiveEvent(tenant.id(), "message.status", m.leadId(), m.id()));
                    }
                    return null;
                });
        published.forEach(live::fire);
    }

    private TranscriptionResult transcribeOne(
            TenantRef tenant, TranscriptionEndpoint endpoint, Pending p) {
        Optional<byte[]> audio = read(tenant, p.mediaId());
        if (audio.isEmpty()) {
            return TranscriptionResult.failed("the voice note's file is missing or too large");
        }
        TranscriptionResult result = transcriptions.transcribe(endpoint, audio.get(), p.mimeType());
        if (!result.transcribed()) {
            LOG.info(() -> "voice note " + p.messageId() + " not transcribed: " + result.failure());
        }
        return result;
    }

    private Optional<byte[]> read(TenantRef tenant, String mediaId) {
        Optional<MediaContent> content = media.open(Long.toString(tenant.id()), mediaId);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        try (MediaContent c = content.get();
                InputStream in = c.stream()) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            return bytes.length > MAX_BYTES ? Optional.empty() : Optional.of(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read voice note " + mediaId, e);
        }
    }
}
