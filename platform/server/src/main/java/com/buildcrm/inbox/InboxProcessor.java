package com.buildcrm.inbox;

import com.buildcrm.ai.AiSettingsStore;
import com.buildcrm.ai.turn.AiTurns;
import com.buildcrm.channel.InboundMedia;
import com.buildcrm.channel.MediaDownload;
import com.buildcrm.channel.TenantChannels;
import com.buildcrm.followup.Decision;
import com.buildcrm.followup.FollowUps;
import com.buildcrm.lead.Lead;
import com.buildcrm.live.LiveEvent;
import com.buildcrm.media.MediaRejectedException;
import com.buildcrm.media.MediaStore;
import com.buildcrm.media.StoredMedia;
import com.buildcrm.message.Message;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import com.buildcrm.tenancy.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Turns stored inbound events into leads and messages. Idempotent: a processed inbox row is
 * skipped, and the lead, the message and the "processed" mark commit together. Messages of one
 * sender are applied in arrival order under a per-phone lock.
 *
 * <p><b>Media the provider did not inline</b> (Meta gives only a media id, ChatFlow sometimes only
 * a URL) is fetched through the channel's gateway <em>before</em> the processing transaction (no
 * transaction is held open during an HTTP call), for this row and for the sender's older pending
 * rows it is about to apply. The bytes go into {@code platform.inbox.media} in a short transaction
 * of their own, so a retry does not download again. A failed download is decided as follows:
 *
 * <ul>
 *   <li>a failure that cannot get better (unknown media id, refused token, file too large, the
 *       channel changed) is final at once;
 *   <li>a temporary one (provider unreachable, 5xx, timeout) fails the job, which the scheduler
 *       retries with backoff and which counts on the row's {@code attempts}; once the row has
 *       failed {@link InboxLimits#mediaAttempts()} times in all, the failure is final.
 * </ul>
 *
 * A final failure is written into the row's event as {@code mediaError} (and {@code last_error}),
 * and the message is then recorded <em>without its file</em>: it keeps its kind (IMAGE, VOICE, …)
 * and its caption, has no media, and carries the reason in its {@code error}. The message is never
 * lost and the row is never poisoned by a dead media link ({@code mediaAttempts <= maxAttempts}).
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class.getName());
    static final long MAX_MEDIA_BYTES = 25L * 1024 * 1024;

    @Inject Storage storage;
    @Inject TenantTransactions tenants;
    @Inject MediaStore media;
    @Inject Clock clock;
    @Inject AiSettingsStore aiSettings;
    @Inject FollowUps followUps;
    @Inject Event<LiveEvent> live;
    @Inject InboxLimits limits;
    @Inject TenantChannels channels;

    record Row(
            long id,
            long tenantId,
            String provider,
            String providerMessageId,
            String kind,
            JsonObject event,
            byte[] media) {}

    public void process(long inboxId) {
        Row first = load(inboxId);
        if (first == null) {
            return;
        }
        TenantRef tenant = tenants.forJob(first.tenantId()).orElse(null);
        if (tenant == null) {
            return;
        }
        fetchMissingMedia(first);
        List<LiveEvent> published = new ArrayList<>();
        tenants.in(
                tenant,
                work -> {
                    EntityManager em = work.em();
                    String phone = first.event().getString("phone", "");
                    em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                            .setParameter(1, ((long) tenant.id() << 32) ^ phone.hashCode())
                            .getSingleResult();
                    // everything of this sender up to this row, oldest first, so the
                    // conversation keeps its order
                    for (Row row : pending(em, first)) {
                        String setAside = apply(em, tenant, row, published);
                        if (setAside != null) {
                            setAside(em, row.id(), setAside);
                            continue;
                        }
                        em.createNativeQuery(
                                        "UPDATE platform.inbox SET processed_at = now(), attempts = attempts + 1 WHERE id = ?1")
                                .setParameter(1, row.id())
                                .executeUpdate();
                    }
                    return null;
                });
        published.forEach(live::fire);
    }

    /**
     * Counts a failed attempt and keeps its error, in a transaction of its own (the failed one
     * rolled back). After {@link InboxLimits#maxAttempts()} of them the row is poisoned: kept,
     * shown on the health page, no longer re-enqueued.
     */
    public void recordFailure(long inboxId, Throwable error) {
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        try {
            storage.transactions()
                    .inPlatformDo(
                            em ->
                                    em.createNativeQuery(
                                                    "UPDATE platform.inbox SET attempts = attempts + 1, last_error = left(?1, 500)"
                                                            + " WHERE id = ?2 AND processed_at IS NULL")
                                            .setParameter(1, message)
                                            .setParameter(2, inboxId)
                                            .executeUpdate());
        } catch (RuntimeException e) {
            // the database itself is failing: the job's own retry and the sweeper still hold the
            // row
            LOG.warning(() -> "could not record the failure of inbox row " + inboxId + ": " + e);
        }
        LOG.warning(() -> "inbox row " + inboxId + " failed: " + message);
    }

    /**
     * Applies one row.
     *
     * @return null when applied (or deliberately ignored: a group chat), else why the row is set
     *     aside
     */
    private String apply(EntityManager em, TenantRef tenant, Row row, List<LiveEvent> published) {
        JsonObject e = row.event();
        if (!"message".equals(e.getString("type", ""))) {
            applyStatus(em, tenant, row, published);
            return null;
        }
        String phone = e.getString("phone", "");
        if (e.getBoolean("group", false)) {
            return null; // stored in the inbox, but a group chat creates no lead
        }
        if (phone.isEmpty()) {
            String sender = e.getString("sender", "");
            return "unreadable sender: '"
                    + (sender.length() > 120 ? sender.substring(0, 120) + "…" : sender)
                    + "' is no phone number; the message is kept in the inbox, no lead was made";
        }
        if (awaitsMedia(row)) {
            // an older row committed after this job looked for missing media: fetch it first
            throw new MediaNotFetchedException(
                    "the media of inbox row " + row.id() + " is not fetched yet");
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        OffsetDateTime at = parseTime(e.getString("timestamp", null), now);
        boolean duplicate =
                !em.createQuery(
                                "SELECT m.id FROM Message m WHERE m.providerMessageId = :p AND m.direction = 'IN'")
                        .setParameter("p", row.providerMessageId())
                        .getResultList()
                        .isEmpty();
        if (duplicate) {
            return null;
        }
        List<Lead> leads =
                em.createQuery("SELECT l FROM Lead l WHERE l.phone = :phone", Lead.class)
                        .setParameter("phone", phone)
                        .getResultList();
        Lead lead;
        boolean created = leads.isEmpty();
        if (created) {
            Long newStage =
                    em
                            .createQuery(
                                    "SELECT s.id FROM Stage s WHERE s.role = 'NEW'", Long.class)
                            .getResultList()
                            .stream()
                            .findFirst()
                            .orElseGet(
                                    () ->
                                            em.createQuery(
                                                            "SELECT s.id FROM Stage s ORDER BY s.position",
                                                            Long.class)
                                                    .setMaxResults(1)
                                                    .getSingleResult());
            String pushName = e.getString("pushName", "");
            lead =
                    new Lead(
                            phone,
                            pushName.isBlank() ? null : pushName.strip(),
                            newStage,
                            row.provider(),
                            e.getString("sender", ""),
                            now);
            em.persist(lead);
            em.flush();
        } else {
            lead = leads.get(0);
        }
        String kind = e.getString("kind", "UNSUPPORTED");
        String text = e.getString("text", "");
        Message message =
                Message.inbound(
                        lead.id(), kind, text.isEmpty() ? null : text, row.providerMessageId(), at);
        if (row.media() != null && row.media().length > 0) {
            try {
                StoredMedia stored =
                        media.store(
                                Long.toString(tenant.id()),
                                new ByteArrayInputStream(row.media()),
                                e.getString("mediaMime", null),
                                e.getString("mediaName", null),
                                MAX_MEDIA_BYTES);
                message.attachMedia(stored.id(), stored.mimeType(), stored.originalName());
            } catch (MediaRejectedException rejected) {
                LOG.warning(
                        () ->
                                "inbound media of inbox row "
                                        + row.id()
                                        + " not kept: "
                                        + rejected.getMessage());
                // the message stays, marked, as when the file could not be fetched
                message.mediaNotReceived(rejected.getMessage());
            }
        }
        String mediaError = e.getString("mediaError", "");
        if (!mediaError.isEmpty() && message.mediaId() == null) {
            message.mediaNotReceived(mediaError);
        }
        em.persist(message);
        lead.clientWrote(preview(kind, text), at, e.getString("pushName", null));
        em.flush();
        if (created) {
            published.add(new LiveEvent(tenant.id(), "lead.created", lead.id(), null));
        }
        published.add(new LiveEvent(tenant.id(), "message.created", lead.id(), message.id()));
        followUps.cancelPending(
                TenantWork.of(em), lead.id(), Decision.Reason.CLIENT_REPLIED, "SYSTEM", null, now);
        if ("AI".equals(lead.handledBy()) && lead.aiEnabled()) {
            // one AI turn per burst: each message schedules one; only the newest one answers
            AiTurns.schedule(
                    em,
                    tenant.id(),
                    lead.id(),
                    message.id(),
                    clock.instant().plusMillis(aiSettings.debounceMs(em, tenant.id())));
        }
        return null;
    }

    /**
     * Sets a row aside at once, as if it had failed every attempt (ADR 009): kept, not processed,
     * counted as poison with its reason on the health page. For what no retry can mend, such as a
     * sender that is no phone number; the operator's retry reconsiders it.
     */
    private void setAside(EntityManager em, long inboxId, String reason) {
        LOG.warning(() -> "inbox row " + inboxId + " set aside: " + reason);
        em.createNativeQuery(
                        "UPDATE platform.inbox SET attempts = greatest(attempts, ?1),"
                                + " last_error = left(?2, 500) WHERE id = ?3")
                .setParameter(1, limits.maxAttempts())
                .setParameter(2, reason)
                .setParameter(3, inboxId)
                .executeUpdate();
    }

    /**
     * Fetches the files this job is about to need: this row's and the sender's older pending rows'
     * (the same rows {@link #pending} applies), where the provider did not inline them.
     *
     * @throws MediaNotFetchedException when a download failed for now and is to be tried again
     */
    private void fetchMissingMedia(Row first) {
        List<MediaNeed> needs = mediaNeeds(first);
        if (needs.isEmpty()) {
            return;
        }
        TenantChannels.Connected channel = channels.forTenant(first.tenantId()).orElse(null);
        String retryLater = null;
        for (MediaNeed need : needs) {
            MediaDownload result;
            if (channel == null || !channel.provider().equals(need.provider())) {
                result =
                        MediaDownload.failed(
                                "the tenant's channel is no longer " + need.provider(), false);
            } else {
                try {
                    result = channels.gateway(channel).download(need.media(), MAX_MEDIA_BYTES);
                } catch (RuntimeException ex) {
                    result =
                            MediaDownload.failed(
                                    "the channel cannot be used (" + ex.getMessage() + ")", false);
                }
            }
            if (result instanceof MediaDownload.Fetched fetched) {
                keepMedia(need.id(), fetched);
                continue;
            }
            MediaDownload.Failed failed = (MediaDownload.Failed) result;
            if (!failed.retryable() || need.attempts() + 1 >= limits.mediaAttempts()) {
                giveUpMedia(need.id(), failed.reason());
            } else if (need.id() == first.id()) {
                retryLater = failed.reason(); // the job's failure handler counts this attempt
            } else {
                recordFailure(need.id(), new MediaNotFetchedException(failed.reason()));
                retryLater = "the media of an earlier message: " + failed.reason();
            }
        }
        if (retryLater != null) {
            throw new MediaNotFetchedException(retryLater);
        }
    }

    /** A file still to fetch for an inbox row. */
    private record MediaNeed(long id, String provider, int attempts, InboundMedia media) {}

    private List<MediaNeed> mediaNeeds(Row first) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                storage.transactions()
                        .inPlatform(
                                em ->
                                        em.createNativeQuery(
                                                        "SELECT id, provider, attempts, event::text FROM platform.inbox"
                                                                + " WHERE tenant_id = ?1 AND processed_at IS NULL AND id <= ?2"
                                                                + " AND (id = ?2 OR (event->>'phone' = ?3 AND attempts < ?4))"
                                                                + " AND octet_length(media) = 0 AND event->>'type' = 'message'"
                                                                + " AND event->>'mediaError' IS NULL"
                                                                + " AND (coalesce(event->>'mediaId', '') <> ''"
                                                                + " OR coalesce(event->>'mediaUrl', '') <> '')"
                                                                + " ORDER BY id")
                                                .setParameter(1, first.tenantId())
                                                .setParameter(2, first.id())
                                                .setParameter(
                                                        3, first.event().getString("phone", ""))
                                                .setParameter(4, limits.maxAttempts())
                                                .getResultList());
        List<MediaNeed> needs = new ArrayList<>();
        for (Object[] r : rows) {
            JsonObject e = json(String.valueOf(r[3]));
            if (e.getBoolean("group", false) || e.getString("phone", "").isEmpty()) {
                continue; // creates no message: nothing to fetch for
            }
            needs.add(
                    new MediaNeed(
                            ((Number) r[0]).longValue(),
                            (String) r[1],
                            ((Number) r[2]).intValue(),
                            new InboundMedia(
                                    blankToNull(e.getString("mediaMime", "")),
                                    null,
                                    blankToNull(e.getString("mediaUrl", "")),
                                    blankToNull(e.getString("mediaId", "")),
                                    blankToNull(e.getString("mediaName", "")),
                                    null,
                                    null,
                                    e.getBoolean("ptt", false))));
        }
        return needs;
    }

    /** True when the row is a message whose file is still to be fetched (see the class comment). */
    private static boolean awaitsMedia(Row row) {
        JsonObject e = row.event();
        return (row.media() == null || row.media().length == 0)
                && e.getString("mediaError", "").isEmpty()
                && (!e.getString("mediaId", "").isEmpty()
                        || !e.getString("mediaUrl", "").isEmpty());
    }

    private void keepMedia(long inboxId, MediaDownload.Fetched fetched) {
        storage.transactions()
                .inPlatformDo(
                        em ->
                                em.createNativeQuery(
                                                "UPDATE platform.inbox SET media = ?1, event = CASE"
                                                        + " WHEN coalesce(event->>'mediaMime', '') = '' AND ?2 <> ''"
                                                        + " THEN jsonb_set(event, '{mediaMime}', to_jsonb(CAST(?2 AS text)))"
                                                        + " ELSE event END"
                                                        + " WHERE id = ?3 AND processed_at IS NULL AND octet_length(media) = 0")
                                        .setParameter(1, fetched.bytes())
                                        .setParameter(
                                                2,
                                                fetched.mimeType() == null
                                                        ? ""
                                                        : fetched.mimeType())
                                        .setParameter(3, inboxId)
                                        .executeUpdate());
    }

    private void giveUpMedia(long inboxId, String reason) {
        LOG.warning(
                () ->
                        "inbound media of inbox row "
                                + inboxId
                                + " given up, the message is kept without it: "
                                + reason);
        storage.transactions()
                .inPlatformDo(
                        em ->
                                em.createNativeQuery(
                                                "UPDATE platform.inbox SET event = jsonb_set(event, '{mediaError}', to_jsonb(CAST(?1 AS text))),"
                                                        + " last_error = left('media not received: ' || ?1, 500)"
                                                        + " WHERE id = ?2 AND processed_at IS NULL")
                                        .setParameter(1, reason)
                                        .setParameter(2, inboxId)
                                        .executeUpdate());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** A download failed for now; the job is retried (see the class comment). */
    static final class MediaNotFetchedException extends RuntimeException {
        MediaNotFetchedException(String message) {
            super(message);
        }
    }

    private void applyStatus(
            EntityManager em, TenantRef tenant, Row row, List<LiveEvent> published) {
        String status = row.event().getString("status", "");
        List<Message> found =
                em.createQuery(
                                "SELECT m FROM Message m WHERE m.providerMessageId = :p AND m.direction = 'OUT'",
                                Message.class)
                        .setParameter("p", row.providerMessageId().replaceFirst("#status:.*$", ""))
                        .getResultList();
        for (Message m : found) {
            m.providerStatus(status, row.event().getString("error", ""));
            published.add(new LiveEvent(tenant.id(), "message.status", m.leadId(), m.id()));
        }
    }

    static String preview(String kind, String text) {
        if (text != null && !text.isBlank()) {
            return text.length() > 200 ? text.substring(0, 200) : text;
        }
        return switch (kind) {
            case "VOICE", "AUDIO" -> "[voice]";
            case "IMAGE" -> "[image]";
            case "VIDEO" -> "[video]";
            case "DOCUMENT" -> "[document]";
            case "LOCATION" -> "[location]";
            default -> "[unsupported message]";
        };
    }

    /** WhatsApp did not exist before; a provider time before this is not a real one. */
    private static final OffsetDateTime EARLIEST = OffsetDateTime.parse("2009-01-01T00:00:00Z");

    /**
     * The provider's send time, or {@code fallback} (now) when it is missing, unreadable or
     * implausible (before 2009 or more than a day ahead): a wrong clock or a hostile body must not
     * make the message unstorable (PostgreSQL's timestamps end in the year 294276).
     */
    static OffsetDateTime parseTime(String iso, OffsetDateTime fallback) {
        try {
            if (iso == null) {
                return fallback;
            }
            OffsetDateTime at =
                    OffsetDateTime.ofInstant(java.time.Instant.parse(iso), ZoneOffset.UTC);
            return at.isBefore(EARLIEST) || at.isAfter(fallback.plusDays(1)) ? fallback : at;
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private Row load(long id) {
        return storage.transactions()
                .inPlatform(
                        em -> {
                            @SuppressWarnings("unchecked")
                            List<Object[]> rows =
                                    em.createNativeQuery(
                                                    "SELECT id, tenant_id, provider, provider_message_id, kind, event::text, media"
                                                            + " FROM platform.inbox WHERE id = ?1 AND processed_at IS NULL")
                                            .setParameter(1, id)
                                            .getResultList();
                            return rows.isEmpty() ? null : row(rows.get(0));
                        });
    }

    /**
     * This row and the sender's older unprocessed rows, oldest first; a poisoned older row is left
     * out, so one bad event does not hold up the rest of the conversation.
     */
    private List<Row> pending(EntityManager em, Row upTo) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT id, tenant_id, provider, provider_message_id, kind, event::text, media FROM platform.inbox"
                                        + " WHERE tenant_id = ?1 AND processed_at IS NULL AND id <= ?2"
                                        + " AND (id = ?2 OR (event->>'phone' = ?3 AND attempts < ?4))"
                                        + " ORDER BY id FOR UPDATE")
                        .setParameter(1, upTo.tenantId())
                        .setParameter(2, upTo.id())
                        .setParameter(3, upTo.event().getString("phone", ""))
                        .setParameter(4, limits.maxAttempts())
                        .getResultList();
        return rows.stream().map(InboxProcessor::row).toList();
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static Row row(Object[] r) {
        JsonObject event = json(String.valueOf(r[5]));
        return new Row(
                ((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(),
                (String) r[2],
                (String) r[3],
                (String) r[4],
                event,
                (byte[]) r[6]);
    }
}
