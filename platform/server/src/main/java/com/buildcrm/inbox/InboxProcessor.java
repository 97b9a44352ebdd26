package com.buildcrm.inbox;

import com.buildcrm.ai.AiSettingsStore;
import com.buildcrm.ai.turn.AiTurns;
import com.buildcrm.conversation.Message;
import com.buildcrm.followup.Decision;
import com.buildcrm.followup.FollowUps;
import com.buildcrm.lead.Lead;
import com.buildcrm.live.LiveEvent;
import com.buildcrm.media.MediaRejectedException;
import com.buildcrm.media.MediaStore;
import com.buildcrm.media.StoredMedia;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantDirectory;
import com.buildcrm.tenancy.TenantRef;
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
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class.getName());
    static final long MAX_MEDIA_BYTES = 25L * 1024 * 1024;

    @Inject Storage storage;
    @Inject TenantDirectory directory;
    @Inject MediaStore media;
    @Inject Clock clock;
    @Inject AiSettingsStore aiSettings;
    @Inject FollowUps followUps;
    @Inject Event<LiveEvent> live;
    @Inject InboxLimits limits;

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
        TenantRef tenant = directory.byIdAnyStatus(first.tenantId()).orElse(null);
        if (tenant == null) {
            return;
        }
        List<LiveEvent> published = new ArrayList<>();
        storage.transactions()
                .inTenant(
                        tenant,
                        em -> {
                            String phone = first.event().getString("phone", "");
                            em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                                    .setParameter(1, ((long) tenant.id() << 32) ^ phone.hashCode())
                                    .getSingleResult();
                            // everything of this sender up to this row, oldest first, so the
                            // conversation keeps its order
                            for (Row row : pending(em, first)) {
                                apply(em, tenant, row, published);
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

    private void apply(EntityManager em, TenantRef tenant, Row row, List<LiveEvent> published) {
        JsonObject e = row.event();
        if (!"message".equals(e.getString("type", ""))) {
            applyStatus(em, tenant, row, published);
            return;
        }
        String phone = e.getString("phone", "");
        if (e.getBoolean("group", false) || phone.isEmpty()) {
            return; // stored in the inbox, but a group chat or an unreadable sender creates no lead
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
            return;
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
            }
        }
        em.persist(message);
        lead.clientWrote(preview(kind, text), at, e.getString("pushName", null));
        em.flush();
        if (created) {
            published.add(new LiveEvent(tenant.id(), "lead.created", lead.id(), null));
        }
        published.add(new LiveEvent(tenant.id(), "message.created", lead.id(), message.id()));
        followUps.cancelPending(
                em, tenant, lead.id(), Decision.Reason.CLIENT_REPLIED, "SYSTEM", null, now);
        if ("AI".equals(lead.handledBy()) && lead.aiEnabled()) {
            // one AI turn per burst: each message schedules one; only the newest one answers
            AiTurns.schedule(
                    em,
                    tenant.id(),
                    lead.id(),
                    message.id(),
                    clock.instant().plusMillis(aiSettings.debounceMs(em, tenant.id())));
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

    private static OffsetDateTime parseTime(String iso, OffsetDateTime fallback) {
        try {
            return iso == null
                    ? fallback
                    : OffsetDateTime.ofInstant(java.time.Instant.parse(iso), ZoneOffset.UTC);
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

    private static Row row(Object[] r) {
        JsonObject event;
        try (var reader = Json.createReader(new StringReader(String.valueOf(r[5])))) {
            event = reader.readObject();
        }
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
