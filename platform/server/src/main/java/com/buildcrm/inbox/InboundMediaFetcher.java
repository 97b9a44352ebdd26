package com.buildcrm.inbox;

import com.buildcrm.channel.InboundMedia;
import com.buildcrm.channel.MediaDownload;
import com.buildcrm.channel.TenantChannels;
import com.buildcrm.tenancy.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.logging.Logger;

/**
 * Fetches the files of inbound messages that the provider did not inline (Meta gives only a media
 * id, ChatFlow sometimes only a URL) through the channel's gateway, <em>before</em> the processing
 * transaction (no transaction is held open during an HTTP call). The bytes go into {@code
 * platform.inbox.media} in a short transaction of their own, so a retry does not download again. A
 * failed download is decided as follows:
 *
 * <ul>
 *   <li>a failure that cannot get better (unknown media id, refused token, file too large, the
 *       channel changed) is final at once;
 *   <li>a temporary one (provider unreachable, 5xx, timeout) fails the job, which the scheduler
 *       retries with backoff and which counts on the row's {@code attempts}; once the row has
 *       failed {@link InboxLimits#mediaAttempts()} times in all, the failure is final.
 * </ul>
 *
 * A final failure is written into the row's event as {@code mediaError} (and {@code last_error});
 * the processor then records the message without its file (see {@link InboxProcessor}).
 */
@ApplicationScoped
public class InboundMediaFetcher {

    private static final Logger LOG = Logger.getLogger(InboundMediaFetcher.class.getName());

    /** The largest inbound file kept. */
    static final long MAX_MEDIA_BYTES = 25L * 1024 * 1024;

    @Inject Storage storage;
    @Inject InboxLimits limits;
    @Inject TenantChannels channels;

    /**
     * The rows whose files this job is about to need: this row and the sender's older pending rows
     * (the rows the processor applies with it) where the provider did not inline them. Read in the
     * caller's platform transaction (the one that reads the row itself).
     */
    List<InboxRow> awaitingMedia(EntityManager em, InboxRow first) {
        return InboxRows.pendingUpTo(em, first, limits.maxAttempts(), false).stream()
                .filter(r -> r.awaitsMedia() && r.message().makesMessage())
                .toList();
    }

    /**
     * Fetches the files of {@code needs} ({@link #awaitingMedia}, read for {@code first}).
     *
     * @throws MediaNotFetchedException when a download failed for now and is to be tried again
     */
    void fetchMissing(InboxRow first, List<InboxRow> needs) {
        if (needs.isEmpty()) {
            return;
        }
        TenantChannels.Connected channel = channels.forTenant(first.tenantId()).orElse(null);
        String retryLater = null;
        for (InboxRow need : needs) {
            MediaDownload result = download(channel, need);
            if (result instanceof MediaDownload.Fetched fetched) {
                storage.transactions()
                        .inPlatformDo(
                                em ->
                                        InboxRows.keepMedia(
                                                em,
                                                need.id(),
                                                fetched.bytes(),
                                                fetched.mimeType()));
                continue;
            }
            MediaDownload.Failed failed = (MediaDownload.Failed) result;
            if (!failed.retryable() || need.attempts() + 1 >= limits.mediaAttempts()) {
                giveUp(need.id(), failed.reason());
            } else if (need.id() == first.id()) {
                retryLater = failed.reason(); // the job's failure handler counts this attempt
            } else {
                InboxRows.recordFailure(
                        storage.transactions(),
                        need.id(),
                        new MediaNotFetchedException(failed.reason()));
                retryLater = "the media of an earlier message: " + failed.reason();
            }
        }
        if (retryLater != null) {
            throw new MediaNotFetchedException(retryLater);
        }
    }

    private MediaDownload download(TenantChannels.Connected channel, InboxRow need) {
        if (channel == null || !channel.provider().equals(need.provider())) {
            return MediaDownload.failed(
                    "the tenant's channel is no longer " + need.provider(), false);
        }
        InboxEvent.Media m = need.message().media();
        InboundMedia media =
                new InboundMedia(
                        m.mimeType(),
                        null,
                        m.downloadUrl(),
                        m.providerMediaId(),
                        m.fileName(),
                        null,
                        null,
                        m.ptt());
        try {
            return channels.gateway(channel).download(media, MAX_MEDIA_BYTES);
        } catch (RuntimeException ex) {
            return MediaDownload.failed(
                    "the channel cannot be used (" + ex.getMessage() + ")", false);
        }
    }

    private void giveUp(long inboxId, String reason) {
        LOG.warning(
                () ->
                        "inbound media of inbox row "
                                + inboxId
                                + " given up, the message is kept without it: "
                                + reason);
        storage.transactions().inPlatformDo(em -> InboxRows.giveUpMedia(em, inboxId, reason));
    }

    /** A download failed for now; the job is retried (see the class comment). */
    static final class MediaNotFetchedException extends RuntimeException {
        MediaNotFetchedException(String message) {
            super(message);
        }
    }
}
